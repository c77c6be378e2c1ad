import type { User } from '../../src/domain/user';
import { fetchTransport } from '../../src/sync/fetch-transport';
import { createDeviceOn, type TestDevice } from './test-device';
import type { Transport } from '../../src/sync/transport';

/** The panitia's laptop in Node, signed in with the server's start-up link and synced. */
export async function panitiaOverHttp(
  baseUrl: string,
  signInLink: string,
): Promise<TestDevice<Transport>> {
  const panitia = createDeviceOn(() => fetchTransport(baseUrl));
  await panitia.signIn(new URL(signInLink).searchParams.get('kode') ?? '');
  await panitia.sync();
  return panitia;
}

/** The users the panitia's device holds, read from its IndexedDB. */
export async function usersOn(device: TestDevice<Transport>): Promise<User[]> {
  return ((await device.db.users.toArray()) as { data: User }[]).map((row) => row.data);
}

/** A fresh invite link for `userId`, made by the panitia through the admin API. */
export async function inviteLink(
  baseUrl: string,
  panitia: TestDevice<Transport>,
  userId: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/admin/invites`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${(await panitia.settings.session())?.token ?? ''}`,
    },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`invite refused: ${response.status}`);
  return ((await response.json()) as { link: string }).link;
}

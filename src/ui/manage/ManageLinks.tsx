import type { DeviceSession } from '../../domain/device-session';
import { useScreenText } from '../i18n/screen-text';
import { MANAGE_PATH } from '../router';

/** Its own texts: importing the screens' catalogue would share it with this tiny chunk. */
const LINKS_ID = {
  manageLinks: 'Menu pengelolaan',
  manageCompetitions: 'Kelola lomba',
  registerEntries: 'Daftarkan inovasi',
  managePeople: 'Juri & operator',
};
const LINKS_EN: typeof LINKS_ID = {
  manageLinks: 'Management menu',
  manageCompetitions: 'Manage competitions',
  registerEntries: 'Register an innovation',
  managePeople: 'Judges & operators',
};

/** On the overview: the panitia's way to competitions and people, the operators' to entries. */
export function ManageLinks(props: { session: DeviceSession; navigate: (path: string) => void }) {
  const t = useScreenText({ id: LINKS_ID, en: LINKS_EN });
  const isPanitia = props.session.user.role === 'panitia';
  const link = (href: string, text: string) => (
    <a
      class="button"
      href={href}
      onClick={(event) => {
        event.preventDefault();
        props.navigate(href);
      }}
    >
      {text}
    </a>
  );
  return (
    <nav class="home-manage" aria-label={t('manageLinks')}>
      {link(MANAGE_PATH, isPanitia ? t('manageCompetitions') : t('registerEntries'))}
      {isPanitia && link(`${MANAGE_PATH}/orang`, t('managePeople'))}
    </nav>
  );
}

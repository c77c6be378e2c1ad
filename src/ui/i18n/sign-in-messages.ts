import { useScreenText, type ScreenTranslate } from './screen-text';

/** Texts of the sign-in screen, which a signed-in device never loads again (lazy). */
const SIGN_IN_ID = {
  tagline: 'Penilaian lomba inovasi pelayanan publik — juga tanpa sinyal',
  signInTitle: 'Masuk ke perangkat ini',
  signInIntro:
    'Masukkan kode undangan dari panitia. Cukup sekali, saat ada sinyal; setelah itu aplikasi bekerja tanpa internet.',
  codeLabel: 'Kode undangan',
  deviceNameLabel: 'Nama perangkat',
  signingIn: 'Sedang masuk…',
  signInOffline:
    'Tidak ada koneksi. Masuk memerlukan internet sekali saja; coba lagi saat ada sinyal.',
  continueButton: 'Lanjut',
  confirmTitle: 'Apakah ini Anda?',
  confirmIntro: 'Undangan ini dibuat untuk:',
  confirmYes: 'Ya, ini saya — masuk',
  confirmNo: 'Bukan saya',
  notYouHint: 'Jika bukan Anda, jangan masuk: minta panitia undangan atas nama Anda.',
  role_judge: 'Juri',
  role_panitia: 'Panitia',
  role_operator: 'Operator',
};

type SignInKey = keyof typeof SIGN_IN_ID;

const SIGN_IN_EN: Record<SignInKey, string> = {
  tagline: 'Judging public-service innovation competitions — even without signal',
  signInTitle: 'Sign in on this device',
  signInIntro:
    'Enter the invite code from the organisers. You need a connection once; after that the app works offline.',
  codeLabel: 'Invite code',
  deviceNameLabel: 'Device name',
  signingIn: 'Signing in…',
  signInOffline:
    'No connection. Signing in needs the internet once; try again when you have signal.',
  continueButton: 'Continue',
  confirmTitle: 'Is this you?',
  confirmIntro: 'This invite was made for:',
  confirmYes: 'Yes, this is me — sign in',
  confirmNo: 'Not me',
  notYouHint: 'If this is not you, do not sign in: ask the organisers for an invite in your name.',
  role_judge: 'Judge',
  role_panitia: 'Organiser',
  role_operator: 'Operator',
};

export function useSignInText(): ScreenTranslate<SignInKey> {
  return useScreenText({ id: SIGN_IN_ID, en: SIGN_IN_EN });
}

import { useScreenText, type ScreenTranslate } from './screen-text';

/** Texts of the device screen, the PIN lock and the install hint (lazy, both languages). */
const DEVICE_ID = {
  deviceTitle: 'Perangkat ini',
  back: 'Kembali',
  storageTitle: 'Penyimpanan',
  storageUsage: 'Terpakai {used} dari {quota} (sisa {free}).',
  storageUnknown: 'Browser ini tidak memberi tahu sisa penyimpanan.',
  storagePersisted: 'Penyimpanan tetap aktif: browser tidak akan menghapus data ini sendiri.',
  storageNotPersisted:
    'Penyimpanan belum tetap: saat memori HP penuh, browser boleh menghapus data yang belum terkirim.',
  storagePersistAsk: 'Minta penyimpanan tetap',
  storagePersistDenied:
    'Browser belum mengizinkan. Pasang aplikasi ke layar utama, lalu coba lagi.',
  photosOnDevice: 'Foto di perangkat: {count} ({size}), {waiting} menunggu dikirim.',
  installTitle: 'Pasang aplikasi',
  installed: 'Aplikasi sudah terpasang di layar utama.',
  installButton: 'Pasang Jurilapang',
  installHintIos:
    'Di iPhone/iPad: ketuk tombol Bagikan, lalu "Tambah ke Layar Utama". Tanpa itu, Safari menghapus data aplikasi setelah 7 hari tidak dibuka.',
  installHintOther:
    'Buka menu browser, lalu pilih "Tambahkan ke layar utama" atau "Instal aplikasi".',
  dismiss: 'Tutup',
  pinTitle: 'Kunci PIN',
  pinIntro:
    'PIN mengunci aplikasi di perangkat ini saat dibuka atau setelah 5 menit di latar belakang. PIN tidak dikirim ke server.',
  pinIsSet: 'PIN aktif.',
  pinNew: 'PIN baru (4–8 angka)',
  pinRepeat: 'Ulangi PIN',
  pinCurrent: 'PIN sekarang',
  pinSave: 'Simpan PIN',
  pinRemove: 'Hapus PIN',
  pinSaved: 'PIN tersimpan.',
  pinRemoved: 'PIN dihapus.',
  pinInvalid: 'PIN harus 4 sampai 8 angka.',
  pinMismatch: 'Kedua PIN tidak sama.',
  pinWrong: 'PIN salah.',
  lockTitle: 'Aplikasi terkunci',
  lockIntro: 'Masukkan PIN perangkat ini.',
  unlock: 'Buka',
  lockWait: 'Terlalu banyak PIN salah. Coba lagi dalam {seconds} detik.',
  lockForgot: 'Lupa PIN?',
  lockForgotUnsynced:
    'Masih ada {changes} perubahan dan {photos} foto yang belum terkirim. Sambungkan ke internet: aplikasi tetap mengirimnya walau terkunci. Setelah semuanya terkirim, Anda bisa keluar dan masuk lagi dengan undangan baru dari panitia.',
  lockForgotSynced:
    'Semua data sudah terkirim. Keluar dari perangkat ini, lalu masuk lagi dengan undangan baru dari panitia.',
  signOutTitle: 'Keluar',
  signOutIntro: 'Keluar menghapus semua data lomba dari perangkat ini.',
  signOutUnsynced:
    'Perhatian: {changes} perubahan dan {photos} foto belum terkirim. Jika keluar sekarang, semuanya hilang.',
  signOutSyncFirst: 'Kirim dulu',
  signOutConfirmLoss: 'Saya mengerti: hapus juga yang belum terkirim',
  signOutButton: 'Keluar dari perangkat ini',
  signingOut: 'Sedang keluar…',
  signedOutOffline:
    'Anda keluar tanpa koneksi. Minta panitia mencabut perangkat ini jika HP berpindah tangan.',
  languageTitle: 'Bahasa',
};

type DeviceKey = keyof typeof DEVICE_ID;

const DEVICE_EN: Record<DeviceKey, string> = {
  deviceTitle: 'This device',
  back: 'Back',
  storageTitle: 'Storage',
  storageUsage: '{used} used of {quota} ({free} left).',
  storageUnknown: 'This browser does not report the storage left.',
  storagePersisted: 'Persistent storage is on: the browser will not delete this data by itself.',
  storageNotPersisted:
    'Storage is not persistent: when the phone runs out of space, the browser may delete data that has not been sent.',
  storagePersistAsk: 'Ask for persistent storage',
  storagePersistDenied:
    'The browser has not allowed it yet. Install the app on the home screen, then try again.',
  photosOnDevice: 'Photos on the device: {count} ({size}), {waiting} waiting to be sent.',
  installTitle: 'Install the app',
  installed: 'The app is installed on the home screen.',
  installButton: 'Install Jurilapang',
  installHintIos:
    'On iPhone/iPad: tap Share, then "Add to Home Screen". Otherwise Safari deletes the app\'s data after 7 days without use.',
  installHintOther: 'Open the browser menu and choose "Add to Home screen" or "Install app".',
  dismiss: 'Close',
  pinTitle: 'PIN lock',
  pinIntro:
    'The PIN locks the app on this device when it opens or after 5 minutes in the background. The PIN is never sent to the server.',
  pinIsSet: 'The PIN is on.',
  pinNew: 'New PIN (4–8 digits)',
  pinRepeat: 'Repeat the PIN',
  pinCurrent: 'Current PIN',
  pinSave: 'Save PIN',
  pinRemove: 'Remove PIN',
  pinSaved: 'PIN saved.',
  pinRemoved: 'PIN removed.',
  pinInvalid: 'A PIN is 4 to 8 digits.',
  pinMismatch: 'The two PINs differ.',
  pinWrong: 'Wrong PIN.',
  lockTitle: 'The app is locked',
  lockIntro: "Enter this device's PIN.",
  unlock: 'Unlock',
  lockWait: 'Too many wrong PINs. Try again in {seconds} seconds.',
  lockForgot: 'Forgot the PIN?',
  lockForgotUnsynced:
    '{changes} changes and {photos} photos have not been sent yet. Connect to the internet: the app keeps sending while locked. Once everything is sent, you can sign out and sign in again with a new invite from the organisers.',
  lockForgotSynced:
    'Everything has been sent. Sign out of this device, then sign in again with a new invite from the organisers.',
  signOutTitle: 'Sign out',
  signOutIntro: 'Signing out deletes all competition data from this device.',
  signOutUnsynced:
    'Careful: {changes} changes and {photos} photos have not been sent. If you sign out now, they are lost.',
  signOutSyncFirst: 'Send them first',
  signOutConfirmLoss: 'I understand: delete what has not been sent too',
  signOutButton: 'Sign out of this device',
  signingOut: 'Signing out…',
  signedOutOffline:
    'You signed out without a connection. Ask the organisers to revoke this device if the phone changes hands.',
  languageTitle: 'Language',
};

export function useDeviceText(): ScreenTranslate<DeviceKey> {
  return useScreenText({ id: DEVICE_ID, en: DEVICE_EN });
}

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
  bundleTitle: 'Kirim tanpa internet',
  bundleIntro:
    'Tanpa sinyal? Ekspor perubahan dan foto yang belum terkirim ke satu berkas bertanda tangan, lalu serahkan ke panitia lewat kabel USB, Bluetooth atau WhatsApp. Semuanya tetap di perangkat ini sampai tanda terimanya dibaca atau sinkronisasi berhasil.',
  bundleUnsent: '{changes} perubahan dan {photos} foto belum terkirim.',
  bundleExport: 'Ekspor paket sinkronisasi',
  bundleExporting: 'Menyiapkan paket…',
  bundleShared: 'Paket {file} dibagikan: {changes} perubahan dan {photos} foto ({size}).',
  bundleDownloaded: 'Paket {file} diunduh: {changes} perubahan dan {photos} foto ({size}).',
  bundleKeep: 'Simpan berkas itu sampai tanda terimanya dibaca di sini.',
  bundleDamaged: '{count} foto di perangkat ini rusak dan tidak ikut dalam paket.',
  bundleNothing: 'Semua sudah terkirim: tidak ada yang perlu diekspor.',
  bundleNoKey:
    'Perangkat ini belum punya kunci tanda tangan (masuk sebelum fitur ini ada, atau alamat server bukan https). Keluar lalu masuk lagi dengan undangan baru untuk memakainya.',
  bundleFailed: 'Paket tidak bisa dibuat: {message}',
  ackLabel: 'Baca tanda terima',
  ackIntro:
    'Setelah panitia mengimpor paket, buka berkas tanda terimanya di sini atau pindai kode QR-nya dengan kamera: perangkat ini lalu menghapus yang sudah diterima server.',
  ackReading: 'Membaca tanda terima…',
  ackDone: 'Tanda terima dibaca: {removed} perubahan dan {photos} foto sudah diterima server.',
  ackRejected: '{count} perubahan ditolak server: tetap di perangkat, dengan alasannya.',
  'ack.unreadable': 'Berkas ini bukan tanda terima paket sinkronisasi.',
  'ack.no-server-key':
    'Perangkat ini belum mengenal kunci server, jadi tidak bisa memeriksa tanda terima. Sinkronkan secara daring.',
  'ack.bad-signature':
    'Tanda terima ini tidak ditandatangani server. Tidak ada yang dihapus dari perangkat ini.',
  'ack.other-device': 'Tanda terima ini untuk perangkat lain. Tidak ada yang dihapus.',
  'ack.unknown-bundle':
    'Tanda terima ini untuk paket yang tidak dibuat (atau tidak lagi diingat) perangkat ini. Tidak ada yang dihapus.',
  importTitle: 'Impor paket orang lain',
  importIntro:
    'Perangkat ini daring? Ia bisa membawa paket juri atau operator lain ke server. Isi paket diterapkan atas nama pembuatnya, bukan atas nama Anda.',
  importChoose: 'Pilih berkas paket',
  importing: 'Mengirim paket…',
  importOffline: 'Mengimpor paket perlu koneksi internet.',
  importReport:
    'Paket dari {name} ({device}): {applied} diterapkan, {present} sudah ada di server, {rejected} ditolak, {superseded} kalah oleh perubahan yang lebih baru; {photos} foto.',
  'status.rejected': 'Ditolak',
  'status.superseded': 'Tidak diterapkan',
  importAckIntro:
    'Berikan tanda terima ini kepada pemilik paket: berkasnya, atau kode QR ini untuk dipindai dengan kamera HP-nya.',
  importAckDownload: 'Unduh tanda terima',
  importAckQr: 'Kode QR tanda terima',
  importAckTooBig: 'Tanda terima ini terlalu panjang untuk kode QR: berikan berkasnya.',
  importFailed: 'Impor gagal: {message}',
  'refused.bundle-unreadable': 'Berkas ini bukan paket sinkronisasi, atau rusak atau terpotong.',
  'refused.bundle-unsupported':
    'Paket ini dibuat oleh versi aplikasi yang tidak didukung server ini.',
  'refused.unknown-device': 'Perangkat pembuat paket ini tidak terdaftar di server ini.',
  'refused.device-revoked': 'Perangkat pembuat paket ini sudah dicabut: paketnya ditolak.',
  'refused.device-without-key':
    'Perangkat pembuat paket ini didaftarkan sebelum fitur paket ada dan tidak punya kunci tanda tangan.',
  'refused.wrong-user': 'Paket ini tidak cocok dengan pemilik perangkatnya.',
  'refused.bad-signature':
    'Tanda tangan paket tidak cocok dengan isinya: paket diubah setelah diekspor. Tidak ada yang diterapkan.',
  'refused.blob-mismatch':
    'Ada foto dalam paket yang tidak cocok dengan sidik jarinya: paket diubah atau rusak. Tidak ada yang diterapkan.',
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
  bundleTitle: 'Send without internet',
  bundleIntro:
    'No signal? Export the changes and photos not yet sent into one signed file and hand it to the organisers by USB cable, Bluetooth or WhatsApp. Everything stays on this device until its acknowledgement is read or a sync succeeds.',
  bundleUnsent: '{changes} changes and {photos} photos have not been sent.',
  bundleExport: 'Export sync bundle',
  bundleExporting: 'Preparing the bundle…',
  bundleShared: 'Bundle {file} shared: {changes} changes and {photos} photos ({size}).',
  bundleDownloaded: 'Bundle {file} downloaded: {changes} changes and {photos} photos ({size}).',
  bundleKeep: 'Keep that file until its acknowledgement has been read here.',
  bundleDamaged: '{count} photos on this device are damaged and were left out of the bundle.',
  bundleNothing: 'Everything has been sent: there is nothing to export.',
  bundleNoKey:
    'This device has no signing key (it signed in before this feature existed, or the server address is not https). Sign out and sign in again with a new invite to use it.',
  bundleFailed: 'The bundle could not be made: {message}',
  ackLabel: 'Read an acknowledgement',
  ackIntro:
    'Once the organisers have imported the bundle, open its acknowledgement file here or scan its QR code with the camera: this device then deletes what the server has received.',
  ackReading: 'Reading the acknowledgement…',
  ackDone: 'Acknowledgement read: the server has received {removed} changes and {photos} photos.',
  ackRejected:
    '{count} changes were refused by the server: they stay on the device, with the reason.',
  'ack.unreadable': 'This file is not a sync bundle acknowledgement.',
  'ack.no-server-key':
    'This device does not know the server key, so it cannot check acknowledgements. Sync online instead.',
  'ack.bad-signature':
    'This acknowledgement is not signed by the server. Nothing was deleted from this device.',
  'ack.other-device': 'This acknowledgement is for another device. Nothing was deleted.',
  'ack.unknown-bundle':
    'This acknowledgement is for a bundle this device did not make (or no longer remembers). Nothing was deleted.',
  importTitle: "Import someone else's bundle",
  importIntro:
    'Is this device online? It can carry another judge’s or operator’s bundle to the server. The bundle is applied on behalf of whoever made it, not on yours.',
  importChoose: 'Choose a bundle file',
  importing: 'Sending the bundle…',
  importOffline: 'Importing a bundle needs an internet connection.',
  importReport:
    'Bundle from {name} ({device}): {applied} applied, {present} already on the server, {rejected} refused, {superseded} outdated by a newer change; {photos} photos.',
  'status.rejected': 'Refused',
  'status.superseded': 'Not applied',
  importAckIntro:
    'Give this acknowledgement to the owner of the bundle: the file, or this QR code to scan with their phone’s camera.',
  importAckDownload: 'Download the acknowledgement',
  importAckQr: 'QR code of the acknowledgement',
  importAckTooBig: 'This acknowledgement is too long for a QR code: give them the file.',
  importFailed: 'Import failed: {message}',
  'refused.bundle-unreadable': 'This file is not a sync bundle, or it is damaged or cut short.',
  'refused.bundle-unsupported':
    'This bundle was made by an app version this server does not support.',
  'refused.unknown-device': 'The device that made this bundle is not enrolled on this server.',
  'refused.device-revoked':
    'The device that made this bundle has been revoked: its bundle is refused.',
  'refused.device-without-key':
    'The device that made this bundle was enrolled before bundles existed and has no signing key.',
  'refused.wrong-user': 'This bundle does not match the owner of its device.',
  'refused.bad-signature':
    'The bundle’s signature does not match its contents: it was changed after export. Nothing was applied.',
  'refused.blob-mismatch':
    'A photo in the bundle does not match its fingerprint: the bundle was changed or damaged. Nothing was applied.',
};

export function useDeviceText(): ScreenTranslate<DeviceKey> {
  return useScreenText({ id: DEVICE_ID, en: DEVICE_EN });
}

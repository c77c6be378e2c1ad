import { useScreenText, type ScreenTranslate } from './screen-text';

/**
 * The texts of the scoring screen. They load with it, in its lazy chunk, in both
 * languages, so the judge's first download carries only the texts of the first screen.
 */
const SCORING_ID = {
  back: 'Kembali ke pekerjaan saya',
  notOnDevice: 'Data penugasan ini belum ada di perangkat. Sinkronkan saat ada sinyal.',
  dossier: 'Profil inovasi',
  unit: 'Unit',
  category: 'Kategori',
  location: 'Lokasi',
  openMap: 'Buka di peta',
  contact: 'Kontak',
  evidence: 'Data dukung',
  noEvidence: 'Belum ada data dukung.',
  evidenceNotHere: 'belum ada di perangkat; terunduh saat ada sinyal',
  layout: 'Tampilan',
  layoutAll: 'Semua kriteria',
  layoutOne: 'Satu per satu',
  criterionOf: 'Kriteria {n} dari {count}',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  weight: 'Bobot {weight}',
  value: 'Nilai',
  noValue: 'Belum ada nilai',
  decrease: 'Kurangi {step}',
  increase: 'Tambah {step}',
  levelPoints: '{points} poin',
  evidenceNeeded: 'Data dukung: {evidence}',
  criterionNote: 'Catatan untuk kriteria ini',
  overallNote: 'Catatan umum',
  runningTotal: 'Total sementara {total} dari 100',
  scoredOf: '{scored} dari {criteria} kriteria dinilai',
  savedLocally: 'Tersimpan di perangkat',
  submit: 'Kirim penilaian',
  submitSummaryTitle: 'Periksa sebelum mengirim',
  submitConfirm: 'Ya, kirim dan kunci',
  submitMissing: 'Belum bisa dikirim: {criteria} belum dinilai.',
  cancel: 'Batal',
  lockedSubmitted:
    'Penilaian ini sudah dikirim dan terkunci. Minta panitia membukanya bila perlu diubah.',
  abstain: 'Abstain / konflik kepentingan',
  abstainReason: 'Alasan (misalnya: satu instansi dengan peserta)',
  abstainConfirm: 'Nyatakan abstain',
  abstained: 'Anda abstain: {reason}',
  serverRejected: 'Server menolak perubahan ini: {message}',
  rangeProblem: 'harus antara {min} dan {max}, kelipatan {step}; belum disimpan',
  photos: 'Foto lapangan',
  takePhoto: 'Ambil foto',
  photoProcessing: 'Memproses foto…',
  photoWithLocation: 'Sertakan lokasi GPS',
  photoNoRoom:
    'Penyimpanan perangkat hampir penuh: foto tidak disimpan. Nilai tetap tersimpan; kirim dulu foto lain saat ada sinyal.',
  photoFailed: 'Foto tidak bisa diproses: {message}',
  photoAlt: 'Foto lapangan {n}, {when}',
  photoSent: 'terkirim',
  photoWaiting: 'menunggu sinyal',
} as const;

export type ScoringKey = keyof typeof SCORING_ID;

const SCORING_EN: Record<ScoringKey, string> = {
  back: 'Back to my work',
  notOnDevice: 'This assignment is not on the device yet. Sync when you have signal.',
  dossier: 'Innovation profile',
  unit: 'Unit',
  category: 'Category',
  location: 'Location',
  openMap: 'Open in maps',
  contact: 'Contact',
  evidence: 'Evidence',
  noEvidence: 'No evidence yet.',
  evidenceNotHere: 'not on this device yet; it downloads when there is signal',
  layout: 'Layout',
  layoutAll: 'All criteria',
  layoutOne: 'One at a time',
  criterionOf: 'Criterion {n} of {count}',
  previous: 'Previous',
  next: 'Next',
  weight: 'Weight {weight}',
  value: 'Score',
  noValue: 'No score yet',
  decrease: 'Minus {step}',
  increase: 'Plus {step}',
  levelPoints: '{points} points',
  evidenceNeeded: 'Evidence: {evidence}',
  criterionNote: 'Note on this criterion',
  overallNote: 'Overall note',
  runningTotal: 'Running total {total} of 100',
  scoredOf: '{scored} of {criteria} criteria scored',
  savedLocally: 'Saved on this device',
  submit: 'Submit scores',
  submitSummaryTitle: 'Check before submitting',
  submitConfirm: 'Yes, submit and lock',
  submitMissing: 'Cannot submit yet: {criteria} not scored.',
  cancel: 'Cancel',
  lockedSubmitted:
    'These scores are submitted and locked. Ask the organisers to reopen them if needed.',
  abstain: 'Abstain / conflict of interest',
  abstainReason: 'Reason (for example: same agency as the entrant)',
  abstainConfirm: 'Declare abstention',
  abstained: 'You abstained: {reason}',
  serverRejected: 'The server refused this change: {message}',
  rangeProblem: 'must be between {min} and {max} in steps of {step}; not saved',
  photos: 'Field photos',
  takePhoto: 'Take a photo',
  photoProcessing: 'Processing photo…',
  photoWithLocation: 'Include GPS location',
  photoNoRoom:
    'The device is almost out of storage: the photo was not kept. Scores still save; send other photos first when there is signal.',
  photoFailed: 'The photo could not be processed: {message}',
  photoAlt: 'Field photo {n}, {when}',
  photoSent: 'sent',
  photoWaiting: 'waiting for signal',
};

export type ScoringTranslate = ScreenTranslate<ScoringKey>;

/** Translates the scoring screen's texts and, for any other key, the app's own. */
export function useScoringText(): ScoringTranslate {
  return useScreenText({ id: SCORING_ID, en: SCORING_EN });
}

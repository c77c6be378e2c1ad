import type { Criterion, Rubric } from './rubric';

const PERCENT = { kind: 'range', min: 0, max: 100, step: 1 } as const;

function percentCriterion(
  key: string,
  name: string,
  weight: number,
  description: string,
): Criterion {
  return { key, name, weight, description, scale: PERCENT };
}

/**
 * KIPP-style proposal evaluation as used in regional KIPP rounds (East Java "KOVABLIK"):
 * each criterion 0–100, total = Σ value × weight / 100.
 */
export function kippProposalRubric(id: string): Rubric {
  return {
    id,
    version: 1,
    name: 'Penilaian proposal (model KIPP)',
    criteria: [
      percentCriterion(
        'latar-belakang',
        'Latar belakang dan tujuan',
        10,
        'Masalah yang dijawab dan tujuan inovasi jelas dan terukur.',
      ),
      percentCriterion(
        'kebaruan',
        'Kebaruan / nilai tambah',
        15,
        'Apa yang baru dibanding cara lama; nilai tambah bagi pelayanan publik.',
      ),
      percentCriterion(
        'implementasi',
        'Implementasi inovasi',
        5,
        'Sudah berjalan, sejak kapan, dan seberapa luas.',
      ),
      percentCriterion(
        'signifikansi',
        'Signifikansi (dampak)',
        30,
        'Perubahan nyata bagi penerima manfaat, didukung data sebelum dan sesudah.',
      ),
      percentCriterion(
        'adaptabilitas',
        'Adaptabilitas (replikasi)',
        20,
        'Dapat direplikasi oleh unit atau daerah lain; bukti replikasi bila ada.',
      ),
      percentCriterion(
        'sumber-daya',
        'Sumber daya',
        5,
        'Sumber daya manusia, anggaran dan sarana yang dipakai.',
      ),
      percentCriterion(
        'keberlanjutan',
        'Strategi keberlanjutan',
        15,
        'Dasar hukum, anggaran dan kelembagaan yang menjamin inovasi berlanjut.',
      ),
    ],
  };
}

/**
 * Innovation maturity indicators (Indeks Inovasi Daerah per-innovation style): each level
 * names the evidence (data dukung) it needs; 0 points when there is no evidence.
 */
export function maturityLevelsRubric(id: string): Rubric {
  const none = { label: 'Tidak ada data dukung', points: 0, evidence: '' };
  return {
    id,
    version: 1,
    name: 'Verifikasi lapangan: kematangan inovasi',
    criteria: [
      {
        key: 'regulasi',
        name: 'Regulasi inovasi',
        description: 'Dasar hukum penerapan inovasi.',
        weight: 3,
        scale: {
          kind: 'levels',
          levels: [
            none,
            {
              label: 'SK kepala perangkat daerah',
              points: 1,
              evidence: 'Salinan SK kepala daerah atau kepala perangkat daerah',
            },
            {
              label: 'Peraturan kepala daerah',
              points: 2,
              evidence: 'Salinan peraturan bupati / wali kota',
            },
            { label: 'Peraturan daerah', points: 3, evidence: 'Salinan peraturan daerah' },
          ],
        },
      },
      {
        key: 'kecepatan',
        name: 'Kecepatan penciptaan',
        description: 'Waktu dari gagasan sampai inovasi diterapkan.',
        weight: 2,
        scale: {
          kind: 'levels',
          levels: [
            none,
            { label: '9 bulan atau lebih', points: 1, evidence: 'Dokumen tahapan dengan tanggal' },
            { label: '5–8 bulan', points: 2, evidence: 'Dokumen tahapan dengan tanggal' },
            { label: '1–4 bulan', points: 3, evidence: 'Dokumen tahapan dengan tanggal' },
          ],
        },
      },
      {
        key: 'kemanfaatan',
        name: 'Kemanfaatan',
        description: 'Jumlah penerima manfaat yang terdata.',
        weight: 3,
        scale: {
          kind: 'levels',
          levels: [
            none,
            { label: '1–200 penerima manfaat', points: 1, evidence: 'Daftar penerima manfaat' },
            { label: '201–500 penerima manfaat', points: 2, evidence: 'Daftar penerima manfaat' },
            {
              label: '501 atau lebih penerima manfaat',
              points: 3,
              evidence: 'Daftar penerima manfaat',
            },
          ],
        },
      },
      {
        key: 'replikasi',
        name: 'Replikasi',
        description: 'Inovasi ditiru oleh daerah lain.',
        weight: 3,
        scale: {
          kind: 'levels',
          levels: [
            none,
            {
              label: 'Direplikasi 1 kali',
              points: 1,
              evidence: 'Surat atau berita acara replikasi',
            },
            {
              label: 'Direplikasi 2 kali',
              points: 2,
              evidence: 'Surat atau berita acara replikasi',
            },
            {
              label: 'Direplikasi 3 kali atau lebih',
              points: 3,
              evidence: 'Surat atau berita acara replikasi',
            },
          ],
        },
      },
      {
        key: 'video',
        name: 'Video inovasi',
        description: 'Video yang menunjukkan penerapan inovasi.',
        weight: 4,
        scale: {
          kind: 'levels',
          levels: [
            none,
            { label: 'Video kegiatan', points: 1, evidence: 'Tautan video' },
            {
              label: 'Video dengan testimoni penerima manfaat',
              points: 2,
              evidence: 'Tautan video',
            },
            {
              label: 'Video lengkap: masalah, solusi, dampak',
              points: 3,
              evidence: 'Tautan video',
            },
          ],
        },
      },
    ],
  };
}

/** KIPP-style presentation and interview before the jury (regional KIPP rounds). */
export function kippPresentationRubric(id: string): Rubric {
  return {
    id,
    version: 1,
    name: 'Presentasi dan wawancara (model KIPP)',
    criteria: [
      percentCriterion(
        'paparan',
        'Penyampaian paparan',
        30,
        'Runtut, jelas dan tepat waktu; menjawab pertanyaan juri dengan data.',
      ),
      percentCriterion(
        'materi',
        'Materi, kemanfaatan dan replikasi',
        50,
        'Kebaruan, efektif, bermanfaat, dapat direplikasi dan berkelanjutan (PermenPANRB 91/2021).',
      ),
      percentCriterion('video', 'Video', 10, 'Video menunjukkan masalah, inovasi dan dampaknya.'),
      percentCriterion(
        'kehadiran-pimpinan',
        'Kehadiran pimpinan',
        10,
        'Pimpinan unit hadir dan menyampaikan komitmennya.',
      ),
    ],
  };
}

/** IGA presentation, as Kemendagri scored it in 2023. */
export function igaPresentationRubric(id: string): Rubric {
  return {
    id,
    version: 1,
    name: 'Presentasi Innovative Government Award',
    criteria: [
      percentCriterion('kebaharuan', 'Kebaharuan', 30, 'Apa yang baru dibanding cara lama.'),
      percentCriterion('kemanfaatan', 'Kemanfaatan', 25, 'Dampak nyata bagi masyarakat.'),
      percentCriterion(
        'kewenangan-kolaborasi',
        'Kewenangan daerah dan kolaborasi',
        15,
        'Sesuai urusan pemerintahan daerah; melibatkan pihak lain.',
      ),
      percentCriterion(
        'replikasi',
        'Replikasi dan aplikatif',
        20,
        'Dapat diterapkan di daerah lain; bukti replikasi bila ada.',
      ),
      percentCriterion(
        'penguasaan-materi',
        'Penguasaan materi',
        10,
        'Penyaji memahami inovasi dan datanya.',
      ),
    ],
  };
}

/**
 * Krenova (Central Java): the five criteria, with equal weights because no official
 * weights are published (DOMAIN.md); the panitia changes them if their round has its own.
 */
export function krenovaRubric(id: string): Rubric {
  return {
    id,
    version: 1,
    name: 'Krenova (bobot sama; tidak ada bobot resmi)',
    criteria: [
      percentCriterion('orisinalitas', 'Orisinalitas', 1, 'Gagasan asli, bukan tiruan.'),
      percentCriterion('kepioniran', 'Kepioniran', 1, 'Yang pertama di daerahnya.'),
      percentCriterion(
        'penerapan',
        'Penerapan di masyarakat',
        1,
        'Sudah dipakai masyarakat, bukan sekadar purwarupa.',
      ),
      percentCriterion('manfaat', 'Manfaat', 1, 'Bermanfaat nyata bagi penggunanya.'),
      percentCriterion(
        'keberlangsungan',
        'Keberlangsungan',
        1,
        'Dapat terus berjalan: anggaran, kelembagaan, pengguna.',
      ),
    ],
  };
}

export const RUBRIC_TEMPLATES = [
  { key: 'kipp-proposal', make: kippProposalRubric },
  { key: 'kipp-presentation', make: kippPresentationRubric },
  { key: 'iga-presentation', make: igaPresentationRubric },
  { key: 'krenova', make: krenovaRubric },
  { key: 'maturity-levels', make: maturityLevelsRubric },
] as const;
export type RubricTemplateKey = (typeof RUBRIC_TEMPLATES)[number]['key'];

import type { Entry, UnitType } from '../../domain/entry';
import { kippProposalRubric, maturityLevelsRubric } from '../../domain/rubric-templates';
import type { SyncRecord } from '../../domain/sync-record';

/**
 * The demo competition that a fresh server opens on: Krenova OPD Kabupaten Blora 2022,
 * with innovations named in the local press (Monitor Ekonomi, 2022). Summaries, people
 * and coordinates are invented for the demo; the competition is flagged `isDemo` so the
 * app marks it everywhere.
 */
export function demoRecords(makeId: () => string): SyncRecord[] {
  const competitionId = makeId();
  const category = (name: string, order: number) => ({ id: makeId(), competitionId, name, order });
  const opd = category('Perangkat Daerah', 0);
  const kecamatan = category('Kecamatan', 1);
  const puskesmas = category('Puskesmas', 2);

  const proposalRubric = kippProposalRubric(makeId());
  const fieldRubric = maturityLevelsRubric(makeId());
  const proposalStage = {
    id: makeId(),
    competitionId,
    name: 'Penilaian proposal',
    kind: 'desk' as const,
    order: 0,
    rubricId: proposalRubric.id,
    rubricVersion: proposalRubric.version,
    advancement: { kind: 'topPerCategory' as const, count: 3 },
    state: 'open' as const,
  };
  const fieldStage = {
    id: makeId(),
    competitionId,
    name: 'Verifikasi lapangan',
    kind: 'field' as const,
    order: 1,
    rubricId: fieldRubric.id,
    rubricVersion: fieldRubric.version,
    advancement: { kind: 'none' as const },
    state: 'draft' as const,
  };

  const entry = (
    title: string,
    unitName: string,
    unitType: UnitType,
    categoryId: string,
    regionCode: string,
    isDigital: boolean,
    startedOn: string,
    summary: string,
    point: { lat: number; lng: number },
  ): Entry => ({
    id: makeId(),
    competitionId,
    categoryId,
    title,
    unit: { name: unitName, type: unitType },
    regionCode,
    isDigital,
    startedOn,
    summary,
    location: { address: `${unitName}, Kabupaten Blora`, point },
    contact: { name: `Operator ${unitName}`, phone: '0296 531000' },
    evidence: [],
  });

  const entries: Entry[] = [
    entry(
      'Layanan Pak Tarso',
      'Kecamatan Sambong',
      'kecamatan',
      kecamatan.id,
      '33.16.06',
      false,
      '2021-03-01',
      'Surat administrasi kependudukan warga desa diantar langsung oleh petugas kecamatan ke rumah warga.',
      { lat: -7.1567, lng: 111.5036 },
    ),
    entry(
      'Tahta Maton',
      'Kecamatan Jati',
      'kecamatan',
      kecamatan.id,
      '33.16.01',
      false,
      '2021-06-14',
      'Pengurusan KTP, KK, surat keterangan dan akta kematian dalam satu layanan di kecamatan.',
      { lat: -7.2406, lng: 111.3244 },
    ),
    entry(
      'E Suk Layang Mabur',
      'Kecamatan Japah',
      'kecamatan',
      kecamatan.id,
      '33.16.16',
      true,
      '2021-09-01',
      'Layanan surat menyurat desa secara daring agar warga tidak perlu bolak-balik ke kantor kecamatan.',
      { lat: -7.0472, lng: 111.3683 },
    ),
    entry(
      'Kunduran Run',
      'Kecamatan Kunduran',
      'kecamatan',
      kecamatan.id,
      '33.16.13',
      false,
      '2021-11-20',
      'Percepatan pelayanan administrasi dengan jemput bola ke desa-desa.',
      { lat: -7.0583, lng: 111.2553 },
    ),
    entry(
      'Toserba Desa',
      'Kecamatan Todanan',
      'kecamatan',
      kecamatan.id,
      '33.16.14',
      false,
      '2021-05-10',
      'Satu tempat untuk semua layanan desa: toko serba ada pelayanan administrasi.',
      { lat: -6.9906, lng: 111.2128 },
    ),
    entry(
      'Simpemdes',
      'Dinas Pemberdayaan Masyarakat dan Desa',
      'dinas',
      opd.id,
      '33.16.09',
      true,
      '2020-08-17',
      'Sistem Informasi Manajemen Pemerintahan Desa: data perangkat, anggaran dan laporan desa dalam satu aplikasi.',
      { lat: -6.9698, lng: 111.4186 },
    ),
    entry(
      'Perpustakaan keliling',
      'Dinas Perpustakaan dan Kearsipan Daerah',
      'dinas',
      opd.id,
      '33.16.09',
      false,
      '2019-07-01',
      'Mobil perpustakaan yang menjadwalkan kunjungan ke sekolah dan desa terpencil.',
      { lat: -6.9712, lng: 111.4172 },
    ),
    entry(
      'E-Kliping',
      'Dinas Perpustakaan dan Kearsipan Daerah',
      'dinas',
      opd.id,
      '33.16.09',
      true,
      '2021-02-01',
      'Kliping berita daerah yang dapat dicari secara daring.',
      { lat: -6.9712, lng: 111.4172 },
    ),
    entry(
      'E-Dita',
      'Dinas Perpustakaan dan Kearsipan Daerah',
      'dinas',
      opd.id,
      '33.16.09',
      true,
      '2021-10-01',
      'Arsip digital dokumen daerah dengan pencarian cepat.',
      { lat: -6.9712, lng: 111.4172 },
    ),
    entry(
      'Rekomendasi penelitian daring',
      'Badan Kesatuan Bangsa dan Politik',
      'badan',
      opd.id,
      '33.16.09',
      true,
      '2021-04-05',
      'Permohonan surat rekomendasi penelitian secara daring, tanpa datang ke kantor.',
      { lat: -6.9685, lng: 111.4199 },
    ),
    entry(
      'Pendataan menara telekomunikasi',
      'Dinas Komunikasi dan Informatika',
      'dinas',
      opd.id,
      '33.16.09',
      true,
      '2021-01-18',
      'Registri antena dan menara telekomunikasi di seluruh kabupaten, dengan peta lokasi.',
      { lat: -6.9701, lng: 111.4165 },
    ),
    entry(
      'Kelas ibu hamil keliling',
      'Puskesmas Randublatung',
      'puskesmas',
      puskesmas.id,
      '33.16.02',
      false,
      '2021-08-02',
      'Bidan mendatangi desa untuk kelas dan pemeriksaan ibu hamil berisiko tinggi.',
      { lat: -7.1979, lng: 111.4016 },
    ),
    entry(
      'Gerakan cegah stunting',
      'Puskesmas Jepon',
      'puskesmas',
      puskesmas.id,
      '33.16.08',
      false,
      '2020-11-09',
      'Pendampingan gizi balita oleh kader posyandu dengan pencatatan tumbuh kembang rutin.',
      { lat: -7.0233, lng: 111.4964 },
    ),
  ];

  const judge = (
    name: string,
    affiliation: 'akademisi' | 'pemerintah' | 'praktisi' | 'media',
    nip?: string,
  ) => ({
    id: makeId(),
    name,
    role: 'judge' as const,
    affiliation,
    ...(nip === undefined ? {} : { nip }),
  });
  const judges = [
    judge('Dr. Sri Wahyuningsih, M.Si.', 'akademisi'),
    judge('Ir. Bambang Hartono, M.T.', 'pemerintah', '196803121994031005'),
    judge('Agus Setiawan, S.T.', 'praktisi'),
    judge('Rina Kartikasari', 'media'),
  ];
  const panitia = { id: makeId(), name: 'Panitia Bappeda Blora', role: 'panitia' as const };
  const operator = {
    id: makeId(),
    name: 'Operator Kecamatan Jati',
    role: 'operator' as const,
    unit: { name: 'Kecamatan Jati', type: 'kecamatan' as const },
  };

  // Desk stages usually have two evaluators per proposal: pair the judges in turn.
  const assignments = entries.flatMap((e, i) =>
    [judges[i % judges.length], judges[(i + 1) % judges.length]].map((j) => ({
      id: makeId(),
      stageId: proposalStage.id,
      judgeId: j?.id ?? '',
      entryId: e.id,
    })),
  );

  return [
    {
      kind: 'competition',
      data: {
        id: competitionId,
        name: 'Krenova OPD Kabupaten Blora 2022',
        year: 2022,
        organiser: { unit: 'Bappeda Kabupaten Blora', regionCode: '33.16' },
        status: 'running',
        isDemo: true,
      },
    },
    ...[opd, kecamatan, puskesmas].map((data) => ({ kind: 'category' as const, data })),
    ...[proposalRubric, fieldRubric].map((data) => ({ kind: 'rubric' as const, data })),
    ...[proposalStage, fieldStage].map((data) => ({ kind: 'stage' as const, data })),
    ...entries.map((data) => ({ kind: 'entry' as const, data })),
    ...[panitia, operator, ...judges].map((data) => ({ kind: 'user' as const, data })),
    ...assignments.map((data) => ({ kind: 'assignment' as const, data })),
  ];
}

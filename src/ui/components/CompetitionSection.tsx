import type { Competition } from '../../domain/competition';
import type { Entry } from '../../domain/entry';
import { listCategoriesOfCompetition } from '../../db/list-categories-of-competition';
import { listEntriesOfCompetition } from '../../db/list-entries-of-competition';
import { formatDate } from '../i18n/format';
import { useHomeText } from '../i18n/home-messages';
import { useI18n } from '../i18n/i18n-context';
import { useLive } from '../use-live';

/** One competition with its entries grouped by category, all read from IndexedDB. */
export function CompetitionSection(props: { competition: Competition }) {
  const { competition } = props;
  const t = useHomeText();
  const categories = useLive(
    (db) => listCategoriesOfCompetition(db, competition.id),
    [competition.id],
  );
  const entries = useLive((db) => listEntriesOfCompetition(db, competition.id), [competition.id]);
  const byCategory = new Map<string, Entry[]>();
  for (const entry of entries?.rows ?? []) {
    byCategory.set(entry.categoryId, [...(byCategory.get(entry.categoryId) ?? []), entry]);
  }

  return (
    <section class="card competition" aria-label={competition.name}>
      <h3>
        {competition.name}
        {competition.isDemo && <span class="badge demo">{t('demoBadge')}</span>}
      </h3>
      {competition.isDemo && <p class="demo-notice">{t('demoNotice')}</p>}
      <p class="muted">
        {t('organiser')}: {competition.organiser.unit} ·{' '}
        {t('entriesCount', { count: entries?.rows.length ?? 0 })}
      </p>
      {categories?.rows.map((category) => (
        <div key={category.id} class="category">
          <h4>{category.name}</h4>
          <ul class="entries">
            {(byCategory.get(category.id) ?? []).map((entry) => (
              <EntryItem key={entry.id} entry={entry} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function EntryItem(props: { entry: Entry }) {
  const { entry } = props;
  const { locale } = useI18n();
  const t = useHomeText();
  return (
    <li class="entry">
      <strong class="entry-title">{entry.title}</strong>
      <span class="muted">
        {entry.unit.name} · {entry.isDigital ? t('digital') : t('nonDigital')} ·{' '}
        {t('startedOn', { date: formatDate(locale, entry.startedOn) })}
      </span>
    </li>
  );
}

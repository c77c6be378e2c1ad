import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScoringContext } from '../db/load-scoring-context';
import { saveEdit, type SavedState } from '../db/save-local-edit';
import type { Scoresheet } from '../domain/scoresheet';
import { sameValue } from '../domain/scoresheet-fields';
import { useServices } from './app-services';

function blankSheet(context: ScoringContext): Scoresheet {
  return {
    id: context.assignment.id,
    stageId: context.stage.id,
    judgeId: context.assignment.judgeId,
    entryId: context.entry.id,
    rubricId: context.rubric.id,
    rubricVersion: context.rubric.version,
    scores: Object.fromEntries(
      context.rubric.criteria.map((c) => [c.key, { value: null, note: '' }]),
    ),
    overallNote: '',
    photos: [],
    status: 'draft',
  };
}

export interface ScoresheetEditor {
  /** The latest sheet, with every change made so far. */
  sheet: Scoresheet | null;
  /**
   * Makes a change to the latest sheet and saves it (record + outbox row) in order; the
   * screen is redrawn once it is saved. `fields` names what changed, so the save need not
   * work it out by comparing sheets.
   */
  update: (change: (sheet: Scoresheet) => Scoresheet, fields?: readonly string[]) => void;
  saveError: string | null;
}

/** The longest the screen waits for a save before it shows the change anyway. */
const DRAW_AT_THE_LATEST_MS = 200;

/**
 * The scoresheet being edited. Every change is saved to IndexedDB as it is made (no save
 * button): a reload, a closed browser or a dead battery keeps it. Saves run one after the
 * other so they land in the order typed. A newer version from a sync (another device's
 * criteria merged in) is taken when nothing typed here is still being saved.
 *
 * The screen is redrawn once the change is stored, not before: on a slow phone, a redraw
 * (the total, the criterion) before the save holds the save back behind its frame, and
 * the save is what must not wait. What the judge types is on screen at once anyway (the
 * field shows it); the total follows a few milliseconds later, or after
 * DRAW_AT_THE_LATEST_MS if a save is slow. Each redraw shows the latest sheet, with every
 * change made so far, saved or not.
 */
export function useScoresheetEditor(context: ScoringContext | null | undefined): ScoresheetEditor {
  const { db, deviceId, makeId, now } = useServices();
  // Only asks for a redraw: whatever redraws the screen, even for another reason, shows
  // latest.current, never an older copy that would put older text back into a field.
  const [, setDraws] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const latest = useRef<Scoresheet | null>(null);
  const saved = useRef<Scoresheet | null>(null);
  const ownSaves = useRef<Scoresheet[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const saving = useRef(0);
  // What this editor's last save left in the database: the next one writes without
  // reading first, checked in the same round trip (saveEdit).
  const lastSave = useRef<SavedState | undefined>(undefined);
  const drawTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const draw = () => {
    clearTimeout(drawTimer.current);
    drawTimer.current = undefined;
    setDraws((n) => n + 1);
  };
  useEffect(() => () => clearTimeout(drawTimer.current), []);

  useEffect(() => {
    if (!context) return;
    const incoming = context.sheet ?? blankSheet(context);
    const isIdle = latest.current === null || sameValue(latest.current, saved.current);
    // The database answers each of our own saves too, sometimes late: a version we wrote
    // ourselves is never taken back, or a slow answer would undo the typing after it.
    const isOwnEcho = ownSaves.current.some((own) => sameValue(own, incoming));
    const isOtherSheet = latest.current?.id !== incoming.id;
    if (isOtherSheet || (isIdle && !isOwnEcho && !sameValue(incoming, latest.current))) {
      ownSaves.current = [];
      latest.current = incoming;
      saved.current = incoming;
      draw();
    }
  }, [context]);

  const update = (change: (sheet: Scoresheet) => Scoresheet, fields?: readonly string[]) => {
    const current = latest.current;
    if (!current) return;
    // A User Timing measure from the change to the record and its outbox row being
    // committed: visible in the browser's performance tools and to the autosave benchmark.
    const started = performance.now();
    const next = change(current);
    latest.current = next;
    const save = async () => {
      try {
        const { state } = await saveEdit(
          db,
          {
            record: { kind: 'scoresheet', data: next },
            mutationId: makeId(),
            deviceId,
            nowMs: now(),
            ...(fields === undefined ? {} : { fields }),
          },
          lastSave.current,
        );
        lastSave.current = state;
        performance.measure('jurilapang:autosave', { start: started, end: performance.now() });
        saved.current = next;
        ownSaves.current = [...ownSaves.current.slice(-19), next];
        setSaveError(null);
      } catch (error) {
        lastSave.current = undefined;
        setSaveError(error instanceof Error ? error.message : String(error));
      } finally {
        saving.current--;
        draw();
      }
    };
    // Saves run one after the other, so they land in the order typed. With none under way
    // the save starts here: its IndexedDB requests go out within the input event.
    queue.current = saving.current++ === 0 ? save() : queue.current.then(save);
    drawTimer.current ??= setTimeout(draw, DRAW_AT_THE_LATEST_MS);
  };

  return { sheet: latest.current, update, saveError };
}

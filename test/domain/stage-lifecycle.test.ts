import { describe, expect, it } from 'vitest';
import {
  checkStageTransition,
  editableStageFields,
  isRubricVersionFrozen,
} from '../../src/domain/stage-lifecycle';

const ready = { hasRubric: true, activeAssignments: 4, unfinishedSheets: 0, shortEntries: 0 };

describe('stage states: draft → open → closed → finalised', () => {
  it('allows only the forward steps, and reopening a closed stage', () => {
    expect(checkStageTransition({ state: 'draft' }, 'open', ready).problems).toEqual([]);
    expect(checkStageTransition({ state: 'open' }, 'closed', ready).problems).toEqual([]);
    expect(checkStageTransition({ state: 'closed' }, 'open', ready).problems).toEqual([]);
    expect(checkStageTransition({ state: 'closed' }, 'finalised', ready).problems).toEqual([]);
    expect(checkStageTransition({ state: 'draft' }, 'finalised', ready).problems).toEqual([
      { code: 'not-allowed', from: 'draft', to: 'finalised' },
    ]);
    expect(checkStageTransition({ state: 'finalised' }, 'open', ready).problems).toEqual([
      { code: 'not-allowed', from: 'finalised', to: 'open' },
    ]);
  });

  it('does not open a stage without its rubric or any assignment, and warns of short entries', () => {
    expect(
      checkStageTransition({ state: 'draft' }, 'open', {
        ...ready,
        hasRubric: false,
        activeAssignments: 0,
        shortEntries: 2,
      }),
    ).toEqual({
      problems: [{ code: 'no-rubric' }, { code: 'no-assignments' }],
      warnings: [{ code: 'short-entries', count: 2 }],
    });
  });

  it('warns before closing or finalising with sheets not submitted', () => {
    const facts = { ...ready, unfinishedSheets: 3 };
    expect(checkStageTransition({ state: 'closed' }, 'finalised', facts).warnings).toEqual([
      { code: 'unfinished-sheets', count: 3 },
    ]);
  });

  it('freezes the rubric and kind once open, and everything once finalised', () => {
    expect(editableStageFields('draft')).toContain('rubric');
    expect(editableStageFields('open')).not.toContain('rubric');
    expect(editableStageFields('open')).not.toContain('kind');
    expect(editableStageFields('finalised')).toEqual([]);
  });

  it('calls a rubric version frozen once a stage using it has opened', () => {
    const stage = (state: 'draft' | 'open', version = 1) => ({
      rubricId: 'r',
      rubricVersion: version,
      state,
    });
    expect(isRubricVersionFrozen({ id: 'r', version: 1 }, [stage('draft')])).toBe(false);
    expect(isRubricVersionFrozen({ id: 'r', version: 1 }, [stage('open')])).toBe(true);
    expect(isRubricVersionFrozen({ id: 'r', version: 2 }, [stage('open')])).toBe(false);
  });
});

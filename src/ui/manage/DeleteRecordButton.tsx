import { useState } from 'preact/hooks';
import type { DeletionBlocker } from '../../domain/deletion-rules';
import type { SyncRecord } from '../../domain/sync-record';
import { findDeletionBlockers } from '../../db/find-deletion-blockers';
import { useServices } from '../app-services';
import { useManage } from './manage-context';
import { useManageText, type ManageTranslate } from './manage-messages';
import { useSaveRecords } from './use-save-records';

type Step =
  { kind: 'idle' } | { kind: 'blocked'; blockers: DeletionBlocker[] } | { kind: 'confirm' };

/**
 * "Hapus" for one record: first says what still depends on it (the server's rules, checked
 * on this device), otherwise asks once more, then deletes through the outbox.
 */
export function DeleteRecordButton(props: { record: SyncRecord; name: string }) {
  const t = useManageText();
  const { db } = useServices();
  const { session } = useManage();
  const { save, saving, error } = useSaveRecords();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const ask = async () => {
    const blockers = await findDeletionBlockers(db, props.record, session.user.id);
    setStep(blockers.length > 0 ? { kind: 'blocked', blockers } : { kind: 'confirm' });
  };
  return (
    <div class="delete-record">
      {step.kind !== 'confirm' && (
        <button
          type="button"
          class="button secondary"
          aria-label={t('deleteNamed', { name: props.name })}
          onClick={() => void ask()}
        >
          {t('delete')}
        </button>
      )}
      {step.kind === 'blocked' && (
        <p class="warning" role="status">
          {t('cannotDelete', { name: props.name })}{' '}
          {step.blockers.map((b) => describeBlocker(t, b)).join('; ')}.
        </p>
      )}
      {step.kind === 'confirm' && (
        <div class="row" role="group" aria-label={t('deleteNamed', { name: props.name })}>
          <p class="warning grow">{t('confirmDelete', { name: props.name })}</p>
          <button
            type="button"
            class="button primary"
            disabled={saving}
            onClick={() => void save([props.record], 'delete')}
          >
            {t('confirmDeleteYes')}
          </button>
          <button type="button" class="button secondary" onClick={() => setStep({ kind: 'idle' })}>
            {t('cancel')}
          </button>
        </div>
      )}
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
    </div>
  );
}

function describeBlocker(t: ManageTranslate, blocker: DeletionBlocker): string {
  switch (blocker.code) {
    case 'self':
      return t('deleteBlocked.self');
    case 'stage-not-draft':
      return t('deleteBlocked.stageNotDraft', { state: t(`stageState.${blocker.state}`) });
    case 'rubric-in-use':
      return t('deleteBlocked.rubricInUse', { stages: blocker.stageNames.join(', ') });
    case 'has-dependents':
      return t(`deleteBlocked.has.${blocker.kind}`, { count: blocker.count });
  }
}

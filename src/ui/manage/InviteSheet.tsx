import { renderSVG } from 'uqr';
import type { Invite } from '../../domain/admin-protocol';
import type { User } from '../../domain/user';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { ManageTranslate } from './manage-messages';

/**
 * One card per person on A4, to cut out and hand over: the QR code opens the sign-in link,
 * and the code can be typed where a camera cannot read it. Printed with the browser's own
 * print dialog; the rest of the screen is hidden on paper (manage.css, @media print).
 */
export function InviteSheet(props: {
  cards: readonly { user: User; invite: Invite }[];
  onClose: () => void;
  /** The screens' texts, handed over so this chunk does not share their module. */
  t: ManageTranslate;
}) {
  const { t } = props;
  const { locale } = useI18n();
  return (
    <section class="invite-sheet" aria-labelledby="invite-sheet-title">
      <div class="actions no-print">
        <h2 id="invite-sheet-title">{t('inviteSheetTitle', { count: props.cards.length })}</h2>
        <button type="button" class="button primary" onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" class="button secondary" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      <p class="muted no-print">{t('inviteSheetHelp')}</p>
      <ul class="invite-cards">
        {props.cards.map(({ user, invite }) => (
          <li key={invite.code} class="invite-card">
            <div
              class="qr"
              role="img"
              aria-label={t('qrFor', { name: user.name })}
              // uqr writes the SVG from the link alone: no user text goes into this markup.
              dangerouslySetInnerHTML={{ __html: renderSVG(invite.link, { border: 2 }) }}
            />
            <div class="invite-text">
              <strong class="invite-name">{user.name}</strong>
              <span>{t(`role.${user.role}`)}</span>
              <span>
                {t('inviteCode')} <code>{invite.code}</code>
              </span>
              <span class="muted">
                {t('validUntilDate', { date: formatDate(locale, invite.expiresAt) })}
              </span>
              <span class="muted">{t('inviteCardHelp')}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

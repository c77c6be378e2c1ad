import type { DeviceSession } from '../../domain/device-session';
import { ManageProvider } from './manage-context';
import { useManageText } from './manage-messages';
import { managePath } from './manage-routes';
import { NavLink } from './NavLink';

/** On the overview: the panitia's way to set up competitions and people, the operators' to register. */
export function ManageLinks(props: { session: DeviceSession; navigate: (path: string) => void }) {
  const t = useManageText();
  const isPanitia = props.session.user.role === 'panitia';
  return (
    <ManageProvider value={props}>
      <nav class="actions home-manage" aria-label={t('manageNav')}>
        <NavLink href={managePath.competitions()}>
          {isPanitia ? t('manageTitle') : t('registerEntry')}
        </NavLink>
        {isPanitia && <NavLink href={managePath.people()}>{t('navPeople')}</NavLink>}
      </nav>
    </ManageProvider>
  );
}

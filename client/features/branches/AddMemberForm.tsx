import { Button } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import {
  BRANCH_ROLES,
  type BranchMemberView,
  type BranchRole,
} from '../../../shared/branches/branchSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { listUsers } from '../../api/userAdminApi.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import './AddMemberForm.css';

interface AddMemberFormProps {
  members: readonly BranchMemberView[];
  busy: boolean;
  /** Resolves with whether the user was added. */
  onAdd(userId: number, role: BranchRole): Promise<boolean>;
}

/** The admin's picker: an account that is not yet a member, and the role it takes. */
export function AddMemberForm({ members, busy, onAdd }: AddMemberFormProps) {
  const { t } = useI18n();
  const id = useId();
  const users = useResource('users', listUsers);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<BranchRole>('member');
  const memberIds = new Set(members.map((member) => member.userId));
  const available = (users.data ?? []).filter((user) => !memberIds.has(user.id) && !user.disabled);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (userId === '') return;
    if (await onAdd(Number(userId), role)) setUserId('');
  };

  return (
    <form
      className="add-member-form"
      onSubmit={(event) => void submit(event)}
      data-testid="add-member-form"
      aria-labelledby={`${id}-heading`}
    >
      <h4 id={`${id}-heading`}>{t('branch.addMember')}</h4>
      {users.error !== null && (
        <Notice tone="error" onRetry={users.reload}>
          {t('common.loadFailed', { message: describeApiError(users.error, t) })}
        </Notice>
      )}
      <div className="add-member-form__row">
        <label htmlFor={`${id}-user`}>{t('branch.user')}</label>
        <select
          id={`${id}-user`}
          data-testid="add-member-user"
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
        >
          <option value="">{t('branch.chooseUser')}</option>
          {available.map((user) => (
            <option key={user.id} value={user.id}>
              {t('users.who', { name: user.displayName, username: user.username })}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-role`}>{t('branch.role')}</label>
        <select
          id={`${id}-role`}
          data-testid="add-member-role"
          value={role}
          onChange={(event) => setRole(event.target.value as BranchRole)}
        >
          {BRANCH_ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`branch.role.${option}`)}
            </option>
          ))}
        </select>
        <Button
          type="primary"
          htmlType="submit"
          data-testid="add-member-submit"
          disabled={busy || userId === ''}
        >
          {t('branch.add')}
        </Button>
      </div>
    </form>
  );
}

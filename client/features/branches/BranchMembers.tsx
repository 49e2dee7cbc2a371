import { Button } from 'antd';
import { useState } from 'react';
import {
  BRANCH_ROLES,
  type BranchMemberView,
  type BranchRole,
} from '../../../shared/branches/branchSchemas.js';
import { removeBranchMember, setBranchMember } from '../../api/branchApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { AddMemberForm } from './AddMemberForm.js';
import './BranchMembers.css';

interface BranchMembersProps {
  branchId: number;
  members: BranchMemberView[];
  /** Admins add, change and remove members; everyone else sees the list. */
  isAdmin: boolean;
  onChanged(members: BranchMemberView[]): void;
}

/** The branch's members and their roles (书记 / 副书记 / 委员 / 党员). */
export function BranchMembers({ branchId, members, isAdmin, onChanged }: BranchMembersProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Resolves with whether the change went through; a failure is shown here. */
  const run = async (action: () => Promise<BranchMemberView[]>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      return true;
    } catch (failure) {
      setError(t('branch.memberFailed', { message: describeApiError(failure, t) }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="branch-members">
      {members.length === 0 ? (
        <p className="branch-members__empty">{t('branch.noMembers')}</p>
      ) : (
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('branch.role')}</th>
                {isAdmin && <th scope="col">{t('users.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.userId} data-testid="member-row" data-username={member.username}>
                  <th scope="row" className="branch-members__name">
                    {member.displayName}
                  </th>
                  <td>{member.username}</td>
                  <td data-testid="member-role">
                    {isAdmin ? (
                      <select
                        data-testid="member-role-select"
                        aria-label={t('branch.roleOf', { name: member.displayName })}
                        value={member.role}
                        disabled={busy}
                        onChange={(event) => {
                          const role = event.target.value as BranchRole;
                          void run(() => setBranchMember(branchId, member.userId, role));
                        }}
                      >
                        {BRANCH_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`branch.role.${role}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`branch.role.${member.role}`)
                    )}
                  </td>
                  {isAdmin && (
                    <td>
                      <Button
                        className="branch-members__remove"
                        data-testid="member-remove"
                        disabled={busy}
                        onClick={() => void run(() => removeBranchMember(branchId, member.userId))}
                      >
                        {t('branch.removeMember')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && (
        <Notice tone="error" data-testid="member-error">
          {error}
        </Notice>
      )}
      {isAdmin && (
        <AddMemberForm
          members={members}
          busy={busy}
          onAdd={(userId, role) => run(() => setBranchMember(branchId, userId, role))}
        />
      )}
    </div>
  );
}

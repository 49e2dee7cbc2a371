import { Button, Input } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import type { BranchView } from '../../../shared/branches/branchSchemas.js';
import { createBranch } from '../../api/branchApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import './CreateBranchForm.css';

/** 新建支部: a name is all a branch needs; members are added on its page. */
export function CreateBranchForm({ onCreated }: { onCreated(branch: BranchView): void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '') return;
    setBusy(true);
    setError(null);
    try {
      const branch = await createBranch(trimmed);
      setName('');
      onCreated(branch);
    } catch (failure) {
      setError(t('branches.createFailed', { message: describeApiError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="create-branch-form" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('branches.create.heading')}</h3>
      <form onSubmit={(event) => void submit(event)} data-testid="create-branch-form">
        <label htmlFor={`${id}-name`}>{t('branches.name')}</label>
        <div className="create-branch-form__row">
          <Input
            id={`${id}-name`}
            data-testid="new-branch-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('branches.create.placeholder')}
            maxLength={100}
            required
          />
          <Button
            type="primary"
            htmlType="submit"
            data-testid="create-branch-submit"
            disabled={busy || trimmed === ''}
          >
            {t('branches.create.submit')}
          </Button>
        </div>
        {error && (
          <Notice tone="error" data-testid="create-branch-error">
            {error}
          </Notice>
        )}
      </form>
    </section>
  );
}

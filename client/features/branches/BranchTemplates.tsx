import { Button } from 'antd';
import { useState } from 'react';
import { describeApiError } from '../../api/describeApiError.js';
import { deleteTemplate, listTemplates } from '../../api/templateApi.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { TemplateForm } from './TemplateForm.js';
import './BranchTemplates.css';

/** The secretary's own templates (the built-in ones are offered on the meeting form anyway). */
export function BranchTemplates({ branchId }: { branchId: number }) {
  const { t } = useI18n();
  const templates = useResource(`templates:${branchId}`, (signal) =>
    listTemplates(branchId, signal),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const own = (templates.data ?? []).filter((template) => template.branchId !== null);

  const remove = async (templateId: string) => {
    setBusy(true);
    setError(null);
    try {
      templates.set(await deleteTemplate(branchId, templateId));
    } catch (failure) {
      setError(t('templates.deleteFailed', { message: describeApiError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="branch-templates">
      {templates.error !== null && (
        <Notice tone="error" onRetry={templates.reload}>
          {t('common.loadFailed', { message: describeApiError(templates.error, t) })}
        </Notice>
      )}
      {templates.data && own.length === 0 && (
        <p className="branch-templates__empty">{t('templates.none')}</p>
      )}
      {own.length > 0 && (
        <ul className="branch-templates__list">
          {own.map((template) => (
            <li
              key={template.id}
              className="branch-templates__item"
              data-testid="template-item"
              data-template-name={template.name}
            >
              <div>
                <span className="branch-templates__name">{template.name}</span>
                <span className="branch-templates__facts">
                  {t(`meeting.kind.${template.kind}`)} · {template.year} ·{' '}
                  {t('templates.aspectCount', { count: template.aspects.length })}
                </span>
              </div>
              <Button
                data-testid="template-delete"
                disabled={busy}
                onClick={() => void remove(template.id)}
              >
                {t('templates.delete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <TemplateForm branchId={branchId} onCreated={() => templates.reload()} />
    </div>
  );
}

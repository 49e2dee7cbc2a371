import { useId } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import { maxNameLength, palette, type Identity } from './identity.js';
import './IdentityFields.css';

interface IdentityFieldsProps {
  identity: Identity;
  onChange(identity: Identity): void;
}

/** The display name and caret colour others see. */
export function IdentityFields({ identity, onChange }: IdentityFieldsProps) {
  const { t } = useI18n();
  const nameId = useId();
  return (
    <div className="identity-fields">
      <label className="identity-fields__label" htmlFor={nameId}>
        {t('identity.displayName')}
      </label>
      <input
        id={nameId}
        className="identity-fields__name"
        data-testid="display-name"
        value={identity.name}
        maxLength={maxNameLength}
        autoComplete="nickname"
        onChange={(event) => onChange({ ...identity, name: event.target.value })}
      />
      <fieldset className="identity-fields__colours">
        <legend className="identity-fields__label">{t('identity.colour')}</legend>
        {palette.map((colour) => (
          <label key={colour.hex} className="identity-fields__swatch" title={t(colour.label)}>
            <input
              type="radio"
              name="identity-colour"
              value={colour.hex}
              checked={identity.color === colour.hex}
              aria-label={t(colour.label)}
              onChange={() => onChange({ ...identity, color: colour.hex })}
            />
            <span style={{ backgroundColor: colour.hex }} />
          </label>
        ))}
      </fieldset>
    </div>
  );
}

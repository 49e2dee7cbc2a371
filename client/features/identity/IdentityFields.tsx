import { useI18n } from '../../i18n/i18nContext.js';
import { palette, type Identity } from './identity.js';
import './IdentityFields.css';

interface IdentityFieldsProps {
  identity: Identity;
  onColourChange(colour: string): void;
}

/** The display name others see (from the account) and the caret colour, one's own choice. */
export function IdentityFields({ identity, onColourChange }: IdentityFieldsProps) {
  const { t } = useI18n();
  return (
    <div className="identity-fields">
      <span className="identity-fields__label">{t('identity.displayName')}</span>
      <span className="identity-fields__name" data-testid="display-name">
        {identity.name}
      </span>
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
              onChange={() => onColourChange(colour.hex)}
            />
            <span style={{ backgroundColor: colour.hex }} />
          </label>
        ))}
      </fieldset>
    </div>
  );
}

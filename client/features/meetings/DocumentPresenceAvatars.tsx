import { Avatar } from 'antd';
import { useI18n } from '../../i18n/i18nContext.js';
import './DocumentPresenceAvatars.css';

interface PresentPerson {
  userId: number;
  name: string;
}

// The kit's preset colours: one per person, the same on every page.
const COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96', '#a0d911'];

/** Who has a document open now: a small avatar each (the surname), their names on hover. */
export function DocumentPresenceAvatars({ people }: { people: readonly PresentPerson[] }) {
  const { t } = useI18n();
  if (people.length === 0) return null;
  const names = people.map((p) => p.name).join('、');
  return (
    <span
      className="document-presence"
      data-testid="document-presence"
      data-user-ids={people.map((p) => p.userId).join(',')}
      title={t('documents.presence', { names })}
      aria-label={t('documents.presence', { names })}
    >
      <Avatar.Group size="small" max={{ count: 5 }}>
        {people.map((person) => (
          <Avatar
            key={person.userId}
            style={{ backgroundColor: COLOURS[person.userId % COLOURS.length] }}
          >
            {person.name.slice(0, 1)}
          </Avatar>
        ))}
      </Avatar.Group>
    </span>
  );
}

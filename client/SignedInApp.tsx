import { lazy, Suspense } from 'react';
import type { PublicUser } from '../shared/auth/authSchemas.js';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage.js';
import { BranchesPage } from './features/branches/BranchesPage.js';
import { BranchPage } from './features/branches/BranchPage.js';
import { HomePage } from './features/home/HomePage.js';
import { useIdentity } from './features/identity/useIdentity.js';
import { AppHeader } from './features/layout/AppHeader.js';
import { MessagePage } from './features/layout/MessagePage.js';
import { Notice } from './features/layout/Notice.js';
import { CreateMeetingPage } from './features/meetings/CreateMeetingPage.js';
import { useI18n } from './i18n/i18nContext.js';
import type { Route } from './routing/routes.js';

// The admin's pages bring the kit's tables: only admins fetch them, when first opened.
const UsersPage = lazy(() =>
  import('./features/admin/UsersPage.js').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('./features/admin/AuditPage.js').then((m) => ({ default: m.AuditPage })),
);
// The editor (TipTap, ProseMirror, Yjs and its sync) is most of the app's code: sign-in and the
// lists must not wait for it, so a document page fetches it when first opened.
const DocumentPage = lazy(() =>
  import('./features/document/DocumentPage.js').then((m) => ({ default: m.DocumentPage })),
);
// The meeting page's live bar brings the meeting channel (socket.io-client) with it.
const MeetingPage = lazy(() =>
  import('./features/meetings/MeetingPage.js').then((m) => ({ default: m.MeetingPage })),
);
// Only hosts and the room's screen need these (and drag and drop): loaded when first opened.
const ModeratePage = lazy(() =>
  import('./features/moderation/ModeratePage.js').then((m) => ({ default: m.ModeratePage })),
);
const ProjectorPage = lazy(() =>
  import('./features/moderation/ProjectorPage.js').then((m) => ({ default: m.ProjectorPage })),
);
// 整改台账 pages bring the kit's table and drawer: loaded when first opened.
const BranchLedgerPage = lazy(() =>
  import('./features/rectifications/BranchLedgerPage.js').then((m) => ({
    default: m.BranchLedgerPage,
  })),
);
const LedgerPrintPage = lazy(() =>
  import('./features/rectifications/LedgerPrintPage.js').then((m) => ({
    default: m.LedgerPrintPage,
  })),
);

interface SignedInAppProps {
  route: Route;
  user: PublicUser;
  onUserChange(user: PublicUser): void;
  onSignOut(): Promise<void>;
}

/**
 * The app behind sign-in: the page for the route, unless the user must first replace a
 * password someone else set (the server refuses everything else until then anyway).
 */
export function SignedInApp({ route, user, onUserChange, onSignOut }: SignedInAppProps) {
  const { t } = useI18n();
  const [identity, setColour] = useIdentity(user);
  const forced = user.mustChangePassword;

  // An admin page typed in by someone who is not an admin.
  const noPermission = (
    <MessagePage
      title={t('admin.noPermission')}
      detail={t('admin.noPermissionDetail')}
      alert
      testId="no-permission"
    />
  );
  let page;
  if (forced || route.page === 'changePassword') {
    page = <ChangePasswordPage user={user} forced={forced} onChanged={onUserChange} />;
  } else {
    // Pages keyed by what they show start from a clean state when it changes.
    switch (route.page) {
      case 'home':
        page = <HomePage identity={identity} onColourChange={setColour} />;
        break;
      case 'branch':
        page = <BranchPage key={route.branchId} branchId={route.branchId} isAdmin={user.isAdmin} />;
        break;
      case 'newMeeting':
        page = <CreateMeetingPage key={route.branchId} branchId={route.branchId} />;
        break;
      case 'meeting':
        page = <MeetingPage key={route.meetingId} meetingId={route.meetingId} userId={user.id} />;
        break;
      case 'document':
        page = (
          <DocumentPage
            key={route.documentName}
            meetingId={route.meetingId}
            documentName={route.documentName}
            identity={identity}
            userId={user.id}
          />
        );
        break;
      case 'moderate':
        page = <ModeratePage key={route.meetingId} meetingId={route.meetingId} userId={user.id} />;
        break;
      case 'projector':
        page = <ProjectorPage key={route.meetingId} meetingId={route.meetingId} />;
        break;
      case 'branchRectifications':
        page = <BranchLedgerPage key={route.branchId} branchId={route.branchId} />;
        break;
      case 'rectificationPrint':
        page = <LedgerPrintPage key={route.meetingId} meetingId={route.meetingId} />;
        break;
      case 'adminUsers':
        page = user.isAdmin ? <UsersPage user={user} /> : noPermission;
        break;
      case 'adminAudit':
        page = user.isAdmin ? <AuditPage /> : noPermission;
        break;
      case 'adminBranches':
        page = user.isAdmin ? <BranchesPage /> : noPermission;
        break;
      case 'notFound':
        page = <MessagePage title={t('notFound.title')} />;
        break;
    }
  }

  // The projector is the room's second screen, the print view is for paper: nothing else on them.
  const bare = (route.page === 'projector' || route.page === 'rectificationPrint') && !forced;
  const wide = route.page === 'moderate' && !forced;
  return (
    <>
      {!bare && (
        <AppHeader
          page={route.page}
          user={user}
          passwordChangeForced={forced}
          onSignOut={onSignOut}
        />
      )}
      <main className={`app__main${bare ? ' app__main--bare' : wide ? ' app__main--wide' : ''}`}>
        <Suspense fallback={<Notice tone="info">{t('common.loading')}</Notice>}>{page}</Suspense>
      </main>
    </>
  );
}

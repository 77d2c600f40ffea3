import type { zhOffice } from '../zh/office';

export const enOffice: typeof zhOffice = {
  office: {
    setup: { districtCode: 'District code', districtName: 'District name', districtCodeRule: 'Six digits', districtNameRule: 'Enter the district name' },
    tabs: { checklist: 'Setup checklist', users: 'Users', departments: 'Departments', organisations: 'Organisations', catalogue: 'Catalogue', calendar: 'Calendar' },
    common: {
      add: 'Add', edit: 'Edit', save: 'Save', cancel: 'Cancel', saved: 'Saved', search: 'Search', active: 'Active', inactive: 'Inactive',
      deactivate: 'Deactivate', activate: 'Activate', state: 'State', actions: 'Actions', code: 'Code', name: 'Name', phone: 'Phone',
      contactPerson: 'Contact', dutyHours: 'Duty hours', refresh: 'Refresh', confirmDeactivate: 'Once deactivated it can no longer be chosen; history is kept. Deactivate "{name}"?',
    },
    users: {
      add: 'Add user', username: 'Username', displayName: 'Name', role: 'Role', department: 'Department', grids: 'Grids',
      gridLeader: 'Grid leader', password: 'Initial password', passwordHint: 'At least 8 characters, letters and digits, not the username; changed at first login',
      resetPassword: 'Reset password', newPassword: 'New password', unlock: 'Unlock', locked: 'Locked for {s} s', mustChange: 'Must change password',
      resetDone: 'Password reset: the user must change it at next login; their sessions were ended', unlocked: 'Unlocked', disabledDone: 'Account disabled; their sessions were ended',
      filterRole: 'All roles', homeGrid: 'The first is the home grid',
    },
    departments: { add: 'Add department', shortName: 'Short name', vertical: 'Vertically managed' },
    organisations: {
      add: 'Add organisation', kind: 'Kind', services: 'Services', address: 'Address', servicesHint: 'Separate with commas',
      area: 'Area served', wholeOffice: 'Whole office', capacity: 'Capacity', capacityHint: 'Cases it takes at a time; 0 = not stated',
      account: 'Organisation',
    },
    catalogue: {
      add: 'Add category', code: 'Code', majorName: 'Major class', name: 'Minor class', department: 'Default department', priority: 'Priority',
      gridAdmissible: 'Grid may handle', keywords: 'Keywords', keywordsHint: 'Separate with commas; triage uses them as soon as saved',
      filing: 'Filing criteria', closing: 'Closing criteria', limits: 'Stage time limits', versions: 'Versions', versionCount: '{n} earlier versions',
      versionNote: 'Changing limits makes a new version: cases already filed keep the limits they were filed under.', validFrom: 'In force from', fromStart: 'Initial version',
      matterKind: 'Matter kind', none: 'None', unit: { working_hours: 'working hours', working_days: 'working days', urgent_hours: 'clock hours' },
      stage: { accept: 'Accept', sign: 'Sign', handle: 'Handle', verify: 'Verify', callback: 'Callback' },
      priorityValue: { normal: 'Normal', urgent: 'Urgent' },
    },
    calendar: {
      year: 'Year', date: 'Date', kind: 'Kind', name: 'Name', holiday: 'Holiday', workday: 'Make-up working day', addRow: 'Add a row',
      paste: 'Paste table', pasteTitle: 'Paste the holiday notice', pasteHint: 'One date a line: date, kind (放假/休 or 上班/班), name, separated by tabs, commas or spaces. Copy straight from Excel.',
      pasteApply: 'Read table', pasteReplace: 'Replaces the table below (takes effect when saved)', shipped: 'Restore shipped', shippedNote: 'Years left alone use the shipped statutory calendar.',
      changed: 'Saved, {n} changes; stages started from now count on the new calendar, deadlines already set stay', unchanged: 'No changes', faultLine: 'Line {line} "{value}": {reason}',
      empty: 'No holidays this year (weekends off)',
    },
    checklist: {
      title: 'Start with real data', intro: 'Work through these steps to go live. Steps the shipped data covers may be skipped; reopen this list any time under Administration → Setup checklist.',
      steps: {
        admin: 'Create the administrator', regions: 'Import regions and grids', departments: 'Set up departments', catalogue: 'Check the catalogue', users: 'Add staff accounts', calendar: 'Check the working calendar',
      },
      hints: {
        admin: 'Created at initialisation.', regions: 'Import GeoJSON grid boundaries under Regions, or create them one by one.', departments: 'Common departments are shipped; use or edit them.',
        catalogue: 'The district catalogue and limits are shipped; use or edit them.', users: 'Create accounts for dispatchers, department staff and grid workers (bulk import: Data import).',
        calendar: 'Statutory holidays and make-up days are shipped.',
      },
      done: 'Done', skipped: 'Skipped', todo: 'To do', skip: 'Skip', unskip: 'Undo skip', go: 'Open', complete: 'All done: ready for real work',
      dismiss: 'Hide list', reopen: 'Reopen',
    },
    password: {
      title: 'Change password', forcedTitle: 'Please change your password', forcedText: 'This is a new account or your password was reset by an administrator: choose your own password to continue.',
      current: 'Current password', next: 'New password', again: 'Repeat new password', mismatch: 'The new passwords differ', done: 'Password changed', menu: 'Change password',
    },
    personalKey: {
      tab: 'Personal-data key', title: 'Personal-data key', intro: "Residents' ID numbers, phones and group tags are stored encrypted under this key. Rotate it regularly or when it may have leaked: a new key is made, every resident is re-encrypted under it in one transaction, and the old key stops working.",
      store: 'Kept in', version: 'Version', versionValue: 'version {n}', rotatedAt: 'Last rotated', never: 'Never', residents: 'Resident records', residentsValue: '{n}',
      stores: { keychain: 'OS keychain (this PC)', key_file: 'Key file', passphrase: 'Passphrase', provided: 'Given at start' },
      notConfigured: 'No personal-data key is configured on this workstation (see README).',
      rotate: 'Rotate key', passphraseHint: 'The key comes from a passphrase: close GridDesk and run npm run rotate-key with a new passphrase (see README).',
      confirmTitle: 'Rotate the personal-data key', confirmText: 'A new key will be made and all {n} resident records re-encrypted under it; other work waits meanwhile. Afterwards the old key no longer opens this database: back up the new key at once. Type 轮换 to confirm:',
      confirmWord: '轮换', confirmMismatch: 'Type 轮换 to confirm', running: 'Re-encrypting…', done: 'Rotated to key version {version}; {n} resident records re-encrypted. Back up the new key now.',
      backupHint: 'Backup: keep the new key file offline (key-file mode); a keychain key works only for this OS account on this PC, so use key-file mode when it must be backed up (see README). Database backups from before the rotation still need the old key.',
    },
  },
};

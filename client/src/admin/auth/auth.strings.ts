import type { Dictionary } from '../../lib/i18n.ts';

export const authStrings: Dictionary<
  | 'signInTitle'
  | 'signInIntro'
  | 'login'
  | 'password'
  | 'signIn'
  | 'signingIn'
  | 'wrongCredentials'
  | 'throttled'
  | 'networkError'
  | 'otherError'
  | 'signedInAs'
  | 'signOut'
  | 'accountNav'
  | 'roleSystemAdmin'
  | 'roleUnitManager'
  | 'roleViewer'
  | 'navUsers'
  | 'usersTitle'
  | 'usersIntro'
  | 'usersCaption'
  | 'colLogin'
  | 'colName'
  | 'colRoles'
  | 'colCreated'
  | 'colStatus'
  | 'colActions'
  | 'active'
  | 'disabledOn'
  | 'disable'
  | 'disableLabel'
  | 'confirmDisable'
  | 'resetPassword'
  | 'resetLabel'
  | 'confirmReset'
  | 'createTitle'
  | 'displayName'
  | 'role'
  | 'unitCode'
  | 'unitCodeHint'
  | 'passwordOptional'
  | 'passwordHint'
  | 'create'
  | 'created'
  | 'disabledDone'
  | 'newPasswordTitle'
  | 'newPasswordText'
  | 'done'
  | 'everywhere'
  | 'enable'
  | 'enableLabel'
  | 'enabledDone'
  | 'addRole'
  | 'addRoleTitle'
  | 'removeRoleLabel'
  | 'rolesSaved'
> = {
  vi: {
    signInTitle: 'Đăng nhập quản trị',
    signInIntro: 'Dành cho cán bộ được cấp tài khoản xem kết quả và quản lý khảo sát.',
    login: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    signingIn: 'Đang đăng nhập…',
    wrongCredentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    throttled: 'Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau ít phút.',
    networkError: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    otherError: 'Không đăng nhập được ({detail}).',
    signedInAs: 'Đã đăng nhập: {name}',
    signOut: 'Đăng xuất',
    accountNav: 'Tài khoản',
    roleSystemAdmin: 'Quản trị hệ thống',
    roleUnitManager: 'Quản lý đơn vị',
    roleViewer: 'Xem kết quả',
    navUsers: 'Người dùng',
    usersTitle: 'Người dùng và vai trò',
    usersIntro: 'Tài khoản quản trị, vai trò và đơn vị mà vai trò bao gồm (đơn vị đó và các đơn vị trực thuộc).',
    usersCaption: 'Danh sách người dùng ({count})',
    colLogin: 'Tên đăng nhập',
    colName: 'Họ tên',
    colRoles: 'Vai trò',
    colCreated: 'Ngày tạo',
    colStatus: 'Trạng thái',
    colActions: 'Thao tác',
    active: 'Đang hoạt động',
    disabledOn: 'Đã khóa {date}',
    disable: 'Khóa',
    disableLabel: 'Khóa tài khoản {login}',
    confirmDisable: 'Khóa tài khoản {login}? Người dùng bị đăng xuất ngay.',
    resetPassword: 'Đặt lại mật khẩu',
    resetLabel: 'Đặt lại mật khẩu của {login}',
    confirmReset: 'Đặt lại mật khẩu của {login}? Mật khẩu cũ hết hiệu lực ngay.',
    createTitle: 'Thêm người dùng',
    displayName: 'Họ tên',
    role: 'Vai trò',
    unitCode: 'Mã đơn vị',
    unitCodeHint: 'Ví dụ 92 (Cần Thơ) hoặc 31120; bỏ trống cho quản trị hệ thống.',
    passwordOptional: 'Mật khẩu (không bắt buộc)',
    passwordHint: 'Ít nhất 10 ký tự. Bỏ trống để hệ thống tạo mật khẩu.',
    create: 'Thêm',
    created: 'Đã thêm {login}.',
    disabledDone: 'Đã khóa {login}.',
    newPasswordTitle: 'Mật khẩu của {login}',
    newPasswordText: 'Chỉ hiển thị một lần. Hãy chuyển cho người dùng qua kênh an toàn.',
    done: 'Đã ghi lại',
    enable: 'Mở khóa',
    enableLabel: 'Mở khóa tài khoản {login}',
    enabledDone: 'Đã mở khóa {login}.',
    addRole: 'Thêm vai trò',
    addRoleTitle: 'Thêm vai trò cho {login}',
    removeRoleLabel: 'Bỏ vai trò {role} của {login}',
    rolesSaved: 'Đã cập nhật vai trò của {login}.',
    everywhere: 'toàn hệ thống',
  },
  en: {
    signInTitle: 'Administrator sign-in',
    signInIntro: 'For staff with an account to see results and manage the surveys.',
    login: 'Login name',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    wrongCredentials: 'Wrong login name or password.',
    throttled: 'Too many failed sign-ins. Please try again in a few minutes.',
    networkError: 'Cannot reach the server. Check the network and try again.',
    otherError: 'Could not sign in ({detail}).',
    signedInAs: 'Signed in: {name}',
    signOut: 'Sign out',
    accountNav: 'Account',
    roleSystemAdmin: 'System administrator',
    roleUnitManager: 'Unit manager',
    roleViewer: 'Viewer',
    navUsers: 'Users',
    usersTitle: 'Users and roles',
    usersIntro: 'Administrator accounts, their roles and the unit each role covers (that unit and all units under it).',
    usersCaption: 'Users ({count})',
    colLogin: 'Login name',
    colName: 'Name',
    colRoles: 'Roles',
    colCreated: 'Created',
    colStatus: 'Status',
    colActions: 'Actions',
    active: 'Active',
    disabledOn: 'Disabled {date}',
    disable: 'Disable',
    disableLabel: 'Disable the account {login}',
    confirmDisable: 'Disable the account {login}? They are signed out at once.',
    resetPassword: 'Reset password',
    resetLabel: 'Reset the password of {login}',
    confirmReset: 'Reset the password of {login}? The old one stops working at once.',
    createTitle: 'Add a user',
    displayName: 'Name',
    role: 'Role',
    unitCode: 'Unit code',
    unitCodeHint: 'For example 92 (Can Tho) or 31120; empty for a system administrator.',
    passwordOptional: 'Password (optional)',
    passwordHint: 'At least 10 characters. Leave empty to have one generated.',
    create: 'Add',
    created: 'Added {login}.',
    disabledDone: 'Disabled {login}.',
    newPasswordTitle: 'Password of {login}',
    newPasswordText: 'Shown only once. Hand it to the user over a safe channel.',
    done: 'Noted',
    enable: 'Enable',
    enableLabel: 'Enable the account {login}',
    enabledDone: 'Enabled {login}.',
    addRole: 'Add a role',
    addRoleTitle: 'Add a role for {login}',
    removeRoleLabel: 'Remove the role {role} of {login}',
    rolesSaved: 'Updated the roles of {login}.',
    everywhere: 'everywhere',
  },
};

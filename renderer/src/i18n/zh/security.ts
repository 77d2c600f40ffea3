/** Signing out, here or everywhere (issue 13). */
export const zhSecurity = {
  signOut: {
    here: '退出登录',
    everywhere: '在所有设备上退出',
    confirmTitle: '在所有设备上退出',
    confirm: '将结束您在所有电脑和浏览器上的登录（包括本机），之后需要重新登录。确定继续吗？',
    ok: '全部退出',
    cancel: '取消',
    done: '已在 {n} 处退出登录',
    failed: '退出失败：{message}',
  },
};

/** 系统管理: users, departments, organisations, catalogue, calendar, the setup checklist, own password. */
export const zhOffice = {
  office: {
    setup: { districtCode: '区县编码', districtName: '区县名称', districtCodeRule: '区县编码应为 6 位数字', districtNameRule: '请输入区县名称' },
    tabs: { checklist: '启用清单', users: '用户', departments: '部门', organisations: '社会组织', catalogue: '事项目录', calendar: '工作日历' },
    common: {
      add: '新增', edit: '编辑', save: '保存', cancel: '取消', saved: '已保存', search: '查找', active: '使用中', inactive: '已停用',
      deactivate: '停用', activate: '启用', state: '状态', actions: '操作', code: '编码', name: '名称', phone: '电话',
      contactPerson: '联系人', dutyHours: '值班时间', refresh: '刷新', confirmDeactivate: '停用后不能再选用，历史记录保留。确定停用「{name}」吗？',
    },
    users: {
      add: '新增用户', username: '用户名', displayName: '姓名', role: '角色', department: '所属部门', grids: '负责网格',
      gridLeader: '网格长', password: '初始密码', passwordHint: '至少 8 位，含字母和数字，不含用户名；首次登录须修改',
      resetPassword: '重置密码', newPassword: '新密码', unlock: '解锁', locked: '已锁定 {s} 秒', mustChange: '待改密',
      resetDone: '密码已重置，该用户须在下次登录时修改，其已登录的会话已结束', unlocked: '已解锁', disabledDone: '账号已停用，其已登录的会话已结束',
      filterRole: '全部角色', homeGrid: '第一个为所在网格',
    },
    departments: { add: '新增部门', shortName: '简称', vertical: '垂直管理' },
    organisations: {
      add: '新增社会组织', kind: '类型', services: '服务项目', address: '地址', servicesHint: '多个用顿号或逗号分开',
      area: '服务区域', wholeOffice: '全辖区', capacity: '承接能力', capacityHint: '可同时承接的案件数，0 表示未填写',
      account: '所属社会组织',
    },
    catalogue: {
      add: '新增类别', code: '类别编码', majorName: '大类', name: '小类', department: '默认处置部门', priority: '优先级',
      gridAdmissible: '网格可自处置', keywords: '关键词', keywordsHint: '多个用顿号或逗号分开；保存后智能分拣立即使用',
      filing: '立案标准', closing: '结案标准', limits: '各环节时限', versions: '历史版本', versionCount: '{n} 个历史版本',
      versionNote: '修改时限会生成新版本：已立案的案件继续按立案时的时限计时。', validFrom: '生效时间', fromStart: '初始版本',
      matterKind: '事项性质', none: '无', unit: { working_hours: '工作小时', working_days: '工作日', urgent_hours: '自然小时' },
      stage: { accept: '受理', sign: '签收', handle: '处置', verify: '核查', callback: '回访' },
      priorityValue: { normal: '普通', urgent: '紧急' },
    },
    calendar: {
      year: '年度', date: '日期', kind: '类型', name: '名称', holiday: '放假', workday: '调休上班', addRow: '添加一行',
      paste: '粘贴表格', pasteTitle: '粘贴节假日安排', pasteHint: '每行一个日期：日期、类型（放假/休 或 上班/班）、名称，用制表符、逗号或空格分开。可直接从 Excel 复制。',
      pasteApply: '读入表格', pasteReplace: '读入后替换下表（保存后生效）', shipped: '恢复内置安排', shippedNote: '未修改的年度使用内置的法定节假日安排。',
      changed: '已保存，改动 {n} 处；此后开始的环节按新日历计时，已定的期限不变', unchanged: '没有改动', faultLine: '第 {line} 行“{value}”：{reason}',
      empty: '本年度没有节假日安排（按周末休息计算）',
    },
    checklist: {
      title: '启用正式数据清单', intro: '按顺序完成以下步骤即可正式启用。内置数据已覆盖的步骤可以跳过，以后随时可在“系统管理 → 启用清单”重新打开。',
      steps: {
        admin: '创建管理员', regions: '导入区域网格', departments: '设置处置部门', catalogue: '核对事项目录', users: '添加工作人员账号', calendar: '核对工作日历',
      },
      hints: {
        admin: '首次启用时已创建。', regions: '在“区域网格”中导入 GeoJSON 网格边界或逐个新建。', departments: '内置了常用职能部门，可直接使用或修改。',
        catalogue: '内置了区级事项目录与时限，可直接使用或修改。', users: '为调度员、部门人员、网格员等创建账号（批量导入见“数据导入”）。',
        calendar: '内置了法定节假日与调休安排。',
      },
      done: '已完成', skipped: '已跳过', todo: '待完成', skip: '跳过', unskip: '取消跳过', go: '前往', complete: '全部完成，可以正式使用了',
      dismiss: '收起清单', reopen: '重新打开',
    },
    password: {
      title: '修改密码', forcedTitle: '请先修改密码', forcedText: '这是新账号或密码已被管理员重置，继续使用前请设置自己的新密码。',
      current: '当前密码', next: '新密码', again: '确认新密码', mismatch: '两次输入的新密码不一致', done: '密码已修改', menu: '修改密码',
    },
    personalKey: {
      tab: '个人信息密钥', title: '个人信息密钥', intro: '居民的身份证号、电话和群体标签以此密钥加密保存。定期或在怀疑密钥泄露时轮换：生成新密钥，所有居民记录在一个事务中改用新密钥加密，旧密钥随即失效。',
      store: '密钥来源', version: '当前版本', versionValue: '第 {n} 版', rotatedAt: '上次轮换', never: '从未轮换', residents: '居民记录', residentsValue: '{n} 条',
      stores: { keychain: '操作系统钥匙串（本机）', key_file: '密钥文件', passphrase: '口令', provided: '启动时提供' },
      notConfigured: '本工作站未配置个人信息密钥（见 README「个人信息密钥」）。',
      rotate: '轮换密钥', passphraseHint: '密钥由口令生成：请关闭 GridDesk 后用命令行 npm run rotate-key 设置新口令（见 README）。',
      confirmTitle: '轮换个人信息密钥', confirmText: '将生成新密钥并用它重新加密全部 {n} 条居民记录，期间其他操作需稍候。完成后旧密钥不能再打开本库，请立即备份新密钥。请输入「轮换」以确认：',
      confirmWord: '轮换', confirmMismatch: '请输入「轮换」以确认', running: '正在重新加密…', done: '已轮换为第 {version} 版密钥，{n} 条居民记录已重新加密。请立即备份新密钥。',
      backupHint: '备份：密钥文件模式请离线保存新的密钥文件；钥匙串中的密钥只在本机本账号可用，需要离线备份时请改用密钥文件模式（见 README）。轮换前的数据库备份仍需旧密钥才能打开。',
    },
  },
};

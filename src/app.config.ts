// Keep this list in step with config/vant.ts (a unit test checks it).
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [
    { root: 'features/points', pages: ['pages/index/index'] },
    { root: 'features/mall', pages: ['pages/index/index', 'pages/item/index', 'pages/redeem/index', 'pages/orders/index'] },
    {
      root: 'features/mall-admin',
      pages: [
        'pages/index/index',
        'pages/items/index',
        'pages/item-form/index',
        'pages/codes/index',
        'pages/fulfilment/index',
        'pages/adjust/index',
        'pages/audit/index',
        'pages/reverse/index',
      ],
    },
    {
      root: 'features/camp',
      pages: [
        'pages/index/index',
        'pages/detail/index',
        'pages/today/index',
        'pages/calendar/index',
        'pages/feed/index',
        'pages/leaderboard/index',
        'pages/reminder/index',
        'pages/certificate/index',
      ],
    },
    {
      root: 'features/camp-admin',
      pages: [
        'pages/index/index',
        'pages/camp-form/index',
        'pages/period-form/index',
        'pages/tasks/index',
        'pages/period/index',
        'pages/roles/index',
        'pages/incentives/index',
      ],
    },
    {
      root: 'features/review',
      pages: [
        'pages/index/index',
        'pages/review/index',
        'pages/phrases/index',
        'pages/stats/index',
        'pages/sla/index',
        'pages/comment/index',
        'pages/distribution/index',
      ],
    },
    // ---- materials
    { root: 'features/materials', pages: ['pages/index/index', 'pages/detail/index'] },
    { root: 'features/materials-admin', pages: ['pages/index/index', 'pages/form/index'] },
    // ---- free classes
    { root: 'features/classes', pages: ['pages/index/index', 'pages/detail/index', 'pages/mine/index'] },
    { root: 'features/classes-admin', pages: ['pages/index/index', 'pages/form/index', 'pages/roster/index', 'pages/leads/index'] },
    // ---- invites
    { root: 'features/invite', pages: ['pages/index/index', 'pages/invitees/index', 'pages/leaderboard/index'] },
    // ---- analytics
    {
      root: 'features/analytics-admin',
      pages: [
        'pages/index/index',
        'pages/layers/index',
        'pages/periods/index',
        'pages/period/index',
        'pages/conversion/index',
        'pages/export/index',
      ],
    },
    // ---- teams (组长 / 学习委员, team PK), learning reports, 日签
    {
      root: 'features/community',
      pages: [
        'pages/teams/index',
        'pages/team-day/index',
        'pages/board/index',
        'pages/report/index',
        'pages/report-members/index',
        'pages/day-card/index',
      ],
    },
    // Local mode only: persona picker and dev panel served by the emulator; never in the weapp build.
    ...(process.env.TARO_ENV === 'h5' ? [{ root: 'features/dev', pages: ['pages/personas/index', 'pages/panel/index'] }] : []),
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '学习社群',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f8fa',
    // H5 only: Taro's router draws a title bar with back / home buttons for 'default'; the weapp build is unchanged.
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {}),
  },
  tabBar: {
    color: '#646566',
    selectedColor: '#1989fa',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-cell': '/vant/cell/index',
    'van-empty': '/vant/empty/index',
  },
  lazyCodeLoading: 'requiredComponents',
})

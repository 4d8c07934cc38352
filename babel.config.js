// babel-preset-taro compiles the mini program and, under jest, the tests.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}

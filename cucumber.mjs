// cucumber-js configuration: every feature, steps compiled to dist/, reports for people and CI.
export default {
  paths: ['features/**/*.feature'],
  import: ['dist/steps/**/*.js'],
  format: ['progress-bar', 'summary', 'junit:reports/cucumber.xml', 'json:reports/cucumber.json'],
  formatOptions: { snippetInterface: 'async-await' },
};

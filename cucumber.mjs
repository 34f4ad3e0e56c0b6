// cucumber-js configuration: every feature, steps compiled to dist/, reports for people and CI.
// The grading formatter prints progress, failures, cucumber's summary and the exercise grade.
export default {
  paths: ['features/**/*.feature'],
  import: ['dist/steps/**/*.js'],
  format: ['./dist/exercises/grading-formatter.js', 'junit:reports/cucumber.xml', 'json:reports/cucumber.json'],
  formatOptions: { snippetInterface: 'async-await' },
};

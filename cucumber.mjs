// cucumber-js configuration: every feature, steps compiled to dist/, reports for people and CI.
// The grading formatter prints progress, failures, cucumber's summary and the exercise grade.
// Feature paths given on the command line (`npm test -- features/x.feature:12`) replace the
// default of every feature: cucumber-js would otherwise run both. Unit tests beside the steps
// (`*.test.js`) are npm run test:unit's, not step definitions, so they are not imported.
const isFeaturePath = (arg) => /\.feature(:\d+)*$/.test(arg) || /^features(\/|$)/.test(arg);
const namesFeatures = process.argv.slice(2).some(isFeaturePath);

export default {
  paths: namesFeatures ? [] : ['features/**/*.feature'],
  import: ['dist/steps/**/!(*.test).js'],
  format: ['./dist/exercises/grading-formatter.js', 'junit:reports/cucumber.xml', 'json:reports/cucumber.json'],
  formatOptions: { snippetInterface: 'async-await' },
};

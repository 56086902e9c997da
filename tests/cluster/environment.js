/**
 * Node's test environment, counting the failed tests in `globalThis.__clusterFailures` so that a test file can print
 * its nodes' logs after a failure (jest tells no hook whether the test before it failed).
 */
const { TestEnvironment } = require('jest-environment-node');

class ClusterEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.__clusterFailures = 0;
  }

  handleTestEvent(event) {
    if ((event.name === 'test_done' && event.test.errors.length > 0) || event.name === 'hook_failure') {
      this.global.__clusterFailures += 1;
    }
  }
}

module.exports = ClusterEnvironment;

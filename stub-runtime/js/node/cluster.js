// cluster: a primary process forks workers running the same app; workers share listening
// ports (bound with SO_REUSEPORT, see internal/cluster/child) and talk to the primary over
// child_process IPC.
'use strict';
const { isWorker } = require('internal/cluster/role');

module.exports = isWorker ? require('internal/cluster/child') : require('internal/cluster/primary');

// `perf_hooks`: the `performance` global's clock (milliseconds since the process started, from
// a monotonic clock) with marks and measures.
'use strict';
const core = require('internal/core');

const timeOrigin = Date.now() - core.ops.op_process_hrtime() / 1e6;
const entries = [];

class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    this.name = name;
    this.entryType = entryType;
    this.startTime = startTime;
    this.duration = duration;
    this.detail = detail ?? null;
  }

  toJSON() {
    const { name, entryType, startTime, duration, detail } = this;
    return { name, entryType, startTime, duration, detail };
  }
}

function now() {
  return core.ops.op_process_hrtime() / 1e6;
}

function markTime(name) {
  for (let index = entries.length - 1; index >= 0; index--) {
    if (entries[index].entryType === 'mark' && entries[index].name === name) return entries[index].startTime;
  }
  const error = new SyntaxError(`The "${name}" performance mark has not been set`);
  error.code = 'ERR_INVALID_PERFORMANCE_MARK';
  throw error;
}

function timeOf(point, fallback) {
  if (point === undefined) return fallback;
  return typeof point === 'number' ? point : markTime(point);
}

const performance = {
  timeOrigin,
  now,
  mark(name, options = {}) {
    const entry = new PerformanceEntry(String(name), 'mark', options.startTime ?? now(), 0, options.detail);
    entries.push(entry);
    return entry;
  },
  measure(name, start, end) {
    const options = typeof start === 'object' && start !== null ? start : { start, end };
    const startTime = timeOf(options.start, 0);
    const endTime = timeOf(options.end, now());
    const entry = new PerformanceEntry(String(name), 'measure', startTime, endTime - startTime, options.detail);
    entries.push(entry);
    return entry;
  },
  clearMarks(name) {
    removeEntries('mark', name);
  },
  clearMeasures(name) {
    removeEntries('measure', name);
  },
  getEntries: () => entries.slice(),
  getEntriesByName: (name, type) => entries.filter((entry) => entry.name === name && (type === undefined || entry.entryType === type)),
  getEntriesByType: (type) => entries.filter((entry) => entry.entryType === type),
  toJSON: () => ({ timeOrigin, now: now() }),
};

function removeEntries(type, name) {
  for (let index = entries.length - 1; index >= 0; index--) {
    if (entries[index].entryType === type && (name === undefined || entries[index].name === name)) entries.splice(index, 1);
  }
}

module.exports = { performance, PerformanceEntry };

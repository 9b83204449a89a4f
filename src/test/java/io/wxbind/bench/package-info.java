/** Benchmarks that print figures (never timed tests): run through Maven profiles named in the README. */
package io.wxbind.bench;

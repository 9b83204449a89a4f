/** Configuration: the one place that reads MicroProfile Config and validates it once. */
package io.wxbind.config;

/** The module's own JAX-RS resources and the mappers that give every API error one JSON shape. */
package io.wxbind.rest;

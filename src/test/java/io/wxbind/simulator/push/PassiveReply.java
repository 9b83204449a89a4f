package io.wxbind.simulator.push;

/**
 * A passive reply the developer server put in its answer to a push (protocol §6.4), after
 * signature check and decryption: its {@code MsgType}, the text the person sees ({@code Content}
 * for text, {@code [image]} etc. otherwise) and whether it came encrypted.
 */
public record PassiveReply(String msgType, String text, boolean encrypted) {
}

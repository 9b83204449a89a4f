/** mp.weixin.qq.com: placeholder until the parametric-QR issue adds {@code showqrcode}. */
package io.wxbind.simulator.mp;

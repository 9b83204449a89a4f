/** mp.weixin.qq.com: {@code cgi-bin/showqrcode}, the image of a parametric QR code (protocol §5.2). */
package io.wxbind.simulator.mp;

/** WxBind: WeChat login and account binding for Jakarta EE. */
package io.wxbind;

package io.wxbind.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a follower sends to the official account to get a bind link ({@code io.wxbind.link}).
 *
 * @param menuKey  the key of the custom-menu button ({@code wechat.bind-menu-key}, {@code BIND})
 * @param keywords messages that ask for a link, lower case ({@code wechat.bind-keywords}, {@code bind,绑定})
 */
public record LinkConfig(String menuKey, List<String> keywords) {

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static LinkConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        String menuKey = r.optional("wechat.bind-menu-key").orElse("BIND");
        if (menuKey.length() > 128) {
            problems.add("wechat.bind-menu-key: at most 128 characters (WeChat's limit for a menu key), has " + menuKey.length());
        }
        List<String> keywords = r.list("wechat.bind-keywords", "bind,绑定").stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        return new LinkConfig(menuKey, keywords);
    }
}

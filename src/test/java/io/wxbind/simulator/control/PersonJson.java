package io.wxbind.simulator.control;

import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.PhoneNumber;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.people.SimPhones;
import io.wxbind.simulator.people.Subscriptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.TreeSet;

/**
 * A person as the control API shows it, with the ids every app would see: {@code openIds}
 * (appid → openid) and {@code unionIds} (open-platform account → unionid); for snapshot people
 * also the virtual ids a snapshot-mode exchange returns; {@code phone} is the number mini programs read.
 */
final class PersonJson {

    private PersonJson() {
    }

    static JsonObject of(SimPerson person, SimConfig config, IdDerivation ids, Subscriptions subscriptions,
            SimPhones phones, String simBaseUri) {
        JsonObjectBuilder openIds = Json.createObjectBuilder();
        TreeSet<String> platforms = new TreeSet<>();
        for (SimApp app : config.apps()) {
            openIds.add(app.appId(), ids.openId(app.appId(), person.id()));
            if (app.boundToOpenPlatform()) {
                platforms.add(app.openPlatform());
            }
        }
        JsonObjectBuilder unionIds = Json.createObjectBuilder();
        platforms.forEach(p -> unionIds.add(p, ids.unionId(p, person.id())));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", person.id())
                .add("nickname", person.nickname())
                .add("avatarUrl", person.headImgUrl(simBaseUri))
                .add("snapshot", person.snapshot())
                .add("source", person.runtime() ? "runtime" : "config")
                .add("openIds", openIds)
                .add("unionIds", unionIds)
                .add("follows", Json.createArrayBuilder(subscriptions.appIdsFollowedBy(person.id())))
                .add("phone", phoneJson(phones.of(person.id())));
        if (person.snapshot()) {
            JsonObjectBuilder virtualOpenIds = Json.createObjectBuilder();
            config.apps().forEach(a -> virtualOpenIds.add(a.appId(), ids.snapshotOpenId(a.appId(), person.id())));
            JsonObjectBuilder virtualUnionIds = Json.createObjectBuilder();
            platforms.forEach(p -> virtualUnionIds.add(p, ids.snapshotUnionId(p, person.id())));
            json.add("snapshotOpenIds", virtualOpenIds).add("snapshotUnionIds", virtualUnionIds);
        }
        return json.build();
    }

    static JsonObject phoneJson(PhoneNumber phone) {
        return Json.createObjectBuilder().add("phoneNumber", phone.phoneNumber())
                .add("purePhoneNumber", phone.purePhoneNumber()).add("countryCode", phone.countryCode()).build();
    }
}

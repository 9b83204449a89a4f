package io.wxbind.simulator.web;

import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * Draws avatars for people without a configured avatar URL: an SVG with the nickname's first
 * character. The size segment mimics WeChat's headimgurl (0 = 640 px, 46, 64, 96, 132).
 */
@RequestScoped
@Path("avatar")
public class AvatarResource {

    private static final Set<String> SIZES = Set.of("0", "46", "64", "96", "132");

    @Inject
    SimPeople people;

    @GET
    @Path("{id}/{size}")
    public Response avatar(@PathParam("id") String id, @PathParam("size") String size) {
        SimPerson person = people.find(id).orElse(null);
        if (person == null || !SIZES.contains(size)) {
            return Response.status(404).build();
        }
        int px = size.equals("0") ? 640 : Integer.parseInt(size);
        String initial = new String(Character.toChars(person.nickname().codePointAt(0)));
        int hue = Math.floorMod(person.id().hashCode(), 360);
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 100 100">\
                <rect width="100" height="100" fill="hsl(%d,55%%,55%%)"/>\
                <text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="sans-serif" \
                font-size="48" fill="#fff">%s</text></svg>""".formatted(px, px, hue, Html.escape(initial));
        return Response.ok(svg).type("image/svg+xml; charset=utf-8").header("Cache-Control", "max-age=3600").build();
    }
}

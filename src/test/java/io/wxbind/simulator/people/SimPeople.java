package io.wxbind.simulator.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everyone the simulator knows: configured people first, then those created at run time. */
public final class SimPeople {

    private final Map<String, SimPerson> configured = new LinkedHashMap<>();
    private final Map<String, SimPerson> created = new LinkedHashMap<>();

    public SimPeople(List<SimPerson> configuredPeople) {
        configuredPeople.forEach(p -> configured.put(p.id(), p));
    }

    public synchronized Optional<SimPerson> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        SimPerson person = configured.get(id);
        return Optional.ofNullable(person != null ? person : created.get(id));
    }

    public synchronized List<SimPerson> all() {
        List<SimPerson> all = new ArrayList<>(configured.values());
        all.addAll(created.values());
        return all;
    }

    /** Adds a run-time person; false (and nothing changes) when the id is taken. */
    public synchronized boolean add(SimPerson person) {
        if (configured.containsKey(person.id()) || created.containsKey(person.id())) {
            return false;
        }
        created.put(person.id(), person);
        return true;
    }

    /** Forgets run-time people; configured ones stay. */
    public synchronized void reset() {
        created.clear();
    }
}

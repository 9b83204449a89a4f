package io.wxbind.qr;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** QR scenes in PostgreSQL; a scan locks its scene so that it completes once. */
@ApplicationScoped
@Transactional
public class QrSceneStore {

    @Inject
    @WxBindData
    EntityManager em;

    public void save(QrScene scene) {
        em.persist(scene);
    }

    public Optional<QrScene> find(String id) {
        return id == null || id.length() > 64 ? Optional.empty() : Optional.ofNullable(em.find(QrScene.class, id));
    }

    /** The scene a scan names, locked for the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<QrScene> lockBySceneStr(String sceneStr) {
        return em.createQuery("select s from QrScene s where s.sceneStr = :s", QrScene.class).setParameter("s", sceneStr)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** This browser's newest login scene that is still pending and valid until at least {@code until}. */
    public Optional<QrScene> pendingLogin(String browserHash, Instant until) {
        return em.createQuery("select s from QrScene s where s.browserHash = :b and s.purpose = 'login'"
                + " and s.status = 'pending' and s.expiresAt > :until order by s.createdAt desc", QrScene.class)
                .setParameter("b", browserHash).setParameter("until", until).setMaxResults(1).getResultStream().findFirst();
    }

    /** When the newest {@code max} login scenes for {@code clientIp} since {@code since} were created, newest first. */
    public List<Instant> loginsFrom(String clientIp, Instant since, int max) {
        return em.createQuery("select s.createdAt from QrScene s where s.clientIp = :ip and s.createdAt > :since"
                + " order by s.createdAt desc", Instant.class)
                .setParameter("ip", clientIp).setParameter("since", since).setMaxResults(max).getResultList();
    }

    /** When the newest {@code max} bind scenes of {@code account} since {@code since} were created, newest first. */
    public List<Instant> bindsBy(String account, Instant since, int max) {
        return em.createQuery("select s.createdAt from QrScene s where s.accountName = :a and s.purpose = 'bind'"
                + " and s.createdAt > :since order by s.createdAt desc", Instant.class)
                .setParameter("a", account).setParameter("since", since).setMaxResults(max).getResultList();
    }

    /** The scene whose confirm link carries a ticket with this hash (the link is not spent by looking). */
    public Optional<QrScene> byConfirmHash(String ticketHash) {
        return em.createQuery("select s from QrScene s where s.confirmTicketHash = :h", QrScene.class)
                .setParameter("h", ticketHash).getResultStream().findFirst();
    }

    /** The same, locked for the current transaction: the link is verified once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<QrScene> lockByConfirmHash(String ticketHash) {
        return em.createQuery("select s from QrScene s where s.confirmTicketHash = :h", QrScene.class)
                .setParameter("h", ticketHash).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<QrScene> lock(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty(); // a missing or forged id is just "no such scene", never an error
        }
        return Optional.ofNullable(em.find(QrScene.class, id, LockModeType.PESSIMISTIC_WRITE));
    }
}

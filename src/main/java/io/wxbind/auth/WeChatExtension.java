package io.wxbind.auth;

import io.wxbind.config.DeclaredSettings;
import io.wxbind.db.WxBindData;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.security.enterprise.identitystore.RememberMeIdentityStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns a {@link WeChatAuthenticationMechanismDefinition} into beans, as Soteria does for its
 * built-in mechanisms. The host puts the annotation on one class of a bean archive that CDI
 * discovers: with {@code bean-discovery-mode="annotated"} (the default without beans.xml) the class
 * needs a bean-defining annotation, e.g. {@code @ApplicationScoped}; a class the container never
 * discovers is not seen, and WxBind stays off.
 *
 * <p>With the definition: a {@link DeclaredSettings} bean with its values, and the application's
 * {@code HttpAuthenticationMechanism}, a {@link RoutingAuthenticationMechanism} in front of
 * {@link WeChatAuthenticationMechanism} (which is {@code @Typed} to itself, so the jar alone adds
 * no mechanism) and of the host's own mechanism, if any. Two definitions or bad values fail the
 * deployment with one {@link DefinitionException} listing every problem.
 *
 * <p>Without it: an empty {@link DeclaredSettings}, no mechanism, and every start-up observer of a
 * WxBind class ({@code @Observes @Initialized(ApplicationScoped.class)}: schema migration, eager
 * validation) vetoed, so nothing runs and no setting is demanded. Servlets, the filter, the timers
 * and the JAX-RS resources ask {@link WeChatActivation}.
 */
public class WeChatExtension implements Extension {

    /** Below the APPLICATION range: a host's own enabled alternative mechanism still wins if it wants to. */
    static final int PRIORITY = Interceptor.Priority.LIBRARY_BEFORE;

    private static final Logger LOG = Logger.getLogger(WeChatExtension.class.getName());
    private static final String OWN_PACKAGE = "io.wxbind.";

    private final List<Class<?>> declaringClasses = new ArrayList<>();
    private WeChatAuthenticationMechanismDefinition definition;
    private final List<String> entityManagerProducers = new ArrayList<>();

    <T> void findDefinition(@Observes @WithAnnotations(WeChatAuthenticationMechanismDefinition.class) ProcessAnnotatedType<T> event) {
        WeChatAuthenticationMechanismDefinition found = event.getAnnotatedType().getAnnotation(WeChatAuthenticationMechanismDefinition.class);
        if (found != null) { // @WithAnnotations also matches the annotation on members; only a class declares
            declaringClasses.add(event.getAnnotatedType().getJavaClass());
            definition = found;
        }
    }

    /** Without the definition WxBind's start-up work never runs (type discovery is over: the answer is known). */
    <T, X> void vetoStartupWhenUndefined(@Observes ProcessObserverMethod<T, X> event) {
        if (definition == null && event.getObserverMethod().getObservedQualifiers().stream().anyMatch(Initialized.class::isInstance)
                && event.getObserverMethod().getBeanClass().getName().startsWith(OWN_PACKAGE)) {
            event.veto();
        }
    }

    /**
     * Without the definition WxBind's RememberMeIdentityStore is no bean: Jakarta Security looks up
     * exactly one, and a host using {@code @RememberMe} with its own store must not find two.
     */
    <T> void vetoRememberMeStoreWhenUndefined(@Observes ProcessBeanAttributes<T> event) {
        if (definition == null && event.getBeanAttributes().getTypes().contains(RememberMeIdentityStore.class)
                && event.getAnnotated() instanceof AnnotatedType<?> type && type.getJavaClass().getName().startsWith(OWN_PACKAGE)) {
            event.veto();
        }
    }

    /** Where WxBind's rows live is the application's choice: a {@code @WxBindData EntityManager} it produces. */
    <T> void findWxBindData(@Observes ProcessBeanAttributes<T> event) {
        if (event.getBeanAttributes().getTypes().contains(EntityManager.class)
                && event.getBeanAttributes().getQualifiers().stream().anyMatch(WxBindData.class::isInstance)) {
            entityManagerProducers.add(String.valueOf(event.getAnnotated()));
        }
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        List<String> problems = new ArrayList<>();
        if (definition != null && entityManagerProducers.isEmpty()) {
            problems.add("no persistence unit for WxBind: produce one, e.g. @Produces @WxBindData @PersistenceContext EntityManager wxbind;"
                    + " in the class with the definition, from a unit that lists " + WxBindData.MAPPING_FILE
                    + " (README, Add WxBind to your portal)");
        }
        if (declaringClasses.size() > 1) {
            problems.add("@WeChatAuthenticationMechanismDefinition must be declared once per application, found on "
                    + declaringClasses.stream().map(Class::getName).sorted().toList());
        }
        DefinitionSettings settings = definition == null ? new DefinitionSettings(Map.of(), List.of()) : DefinitionSettings.of(definition);
        problems.addAll(settings.problems());
        if (!problems.isEmpty()) {
            event.addDefinitionError(new DefinitionException("@WeChatAuthenticationMechanismDefinition on "
                    + declaringClasses.get(0).getName() + " is invalid:\n  - " + String.join("\n  - ", problems)));
            return;
        }
        Map<String, String> declared = settings.values();
        event.addBean().beanClass(DeclaredSettings.class).types(DeclaredSettings.class, Object.class).scope(ApplicationScoped.class)
                .createWith(c -> (DeclaredSettings) () -> declared);
        if (definition == null) {
            if (entityManagerProducers.isEmpty()) { // the jar's beans still need something to inject; nothing ever calls it
                event.addBean().beanClass(WeChatExtension.class).types(EntityManager.class, Object.class)
                        .qualifiers(WxBindData.Literal.INSTANCE).scope(Dependent.class).createWith(c -> undefinedEntityManager());
            }
            LOG.info("WxBind is on the class path but not defined (no @WeChatAuthenticationMechanismDefinition): it stays off");
            return;
        }
        event.addBean().beanClass(RoutingAuthenticationMechanism.class).types(HttpAuthenticationMechanism.class, Object.class)
                .scope(ApplicationScoped.class).alternative(true).priority(PRIORITY)
                .createWith(c -> new RoutingAuthenticationMechanism());
        LOG.info(() -> "WxBind defined on " + declaringClasses.get(0).getName() + ": " + declared);
    }

    /** What WxBind's beans get without the definition or a unit: any use says why it cannot work. */
    static EntityManager undefinedEntityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "EntityManager of an undefined WxBind";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new IllegalStateException("WxBind is not defined (no @WeChatAuthenticationMechanismDefinition): it has no database");
                });
    }

    /** The definition in force, if the application declared one. */
    Optional<WeChatAuthenticationMechanismDefinition> definition() {
        return Optional.ofNullable(definition);
    }
}

package org.enrollment.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executable model of each rule file built on its own (逐个文件编译), kept by the SHA-256 of the file's name and
 * DRL, so that a reload compiles only the files that changed: the in-memory Java compile of the whole folder was
 * most of a reload's time, and staff mostly edit one file. The rule base is made from the models of all the files
 * as one model, the files in the order given and each file's rules in its order (rules of the same salience fire in
 * that order; built together, Drools orders the files its own way). Nothing stays in the Drools repository: each
 * file's module is removed as soon as its model is out.
 */
final class FileModels {

    private static final Logger LOG = LoggerFactory.getLogger(FileModels.class);
    /** Models kept: a folder's files, a few times over (the files before and after a few edits, several folders). */
    private static final int KEPT = 32;
    private static final Recent<Model> MODELS = new Recent<>(KEPT);

    private FileModels() {
    }

    /**
     * The rule base of the files, each file's model built on its own or, with {@code reuse}, taken from the last
     * builds when the file is as it was. Empty when the files cannot be built one by one: one does not compile on
     * its own (it has an error, or leans on a function, an import or a global of another file of its package), or
     * two declare the same rule; the caller then builds them together, which reports what is wrong.
     */
    static Optional<KieBase> kieBase(List<PreparedRuleFile> sources, boolean reuse) {
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        List<Model> models = new ArrayList<>();
        Set<String> rules = new HashSet<>();
        for (PreparedRuleFile s : sources) {
            String key = RuleFile.fingerprint(List.of(new RuleFile(s.compiledName(), s.drl().getBytes(StandardCharsets.UTF_8))));
            Optional<Model> model = reuse ? MODELS.get(key) : Optional.empty();
            if (model.isEmpty()) {
                model = build(s);
                if (model.isEmpty()) {
                    LOG.debug("{} does not compile on its own; building the files together", s.file().name());
                    return Optional.empty();
                }
                MODELS.put(key, model.get());
            }
            for (Rule r : model.get().getRules()) {
                if (!rules.add(r.getPackage() + "." + r.getName())) {
                    LOG.debug("Rule \"{}\" is declared twice; building the files together", r.getName());
                    return Optional.empty();
                }
            }
            models.add(model.get());
        }
        return Optional.of(KieBaseBuilder.createKieBaseFromModel(new Folder(models)));
    }

    /** The model of one file built on its own, empty when it does not compile so. */
    private static Optional<Model> build(PreparedRuleFile source) {
        ReleaseId id = RuleCompiler.newReleaseId();
        try {
            KieBuilder builder = RuleCompiler.kieBuild(List.of(source), id, false);
            if (!builder.getResults().getMessages(Message.Level.ERROR).isEmpty()) {
                return Optional.empty();
            }
            builder.getResults().getMessages(Message.Level.WARNING).forEach(m -> LOG.warn("{}: {}", m.getPath(), m.getText()));
            CanonicalKieModule module = (CanonicalKieModule) builder.getKieModule();
            Collection<Model> models = module.getModelForKBase(
                    (KieBaseModelImpl) module.getKieModuleModel().getKieBaseModels().get(RuleCompiler.KIE_BASE));
            return models.size() == 1 ? Optional.of(models.iterator().next()) : Optional.empty();
        } finally {
            KieServices.get().getRepository().removeKieModule(id);
        }
    }

    /**
     * The models of the files as one: Drools numbers the rules of each model from 0 (their load order, which
     * decides between rules of the same salience), so that the rules of separate models would tie.
     */
    private record Folder(List<Model> files) implements Model {

        @Override
        public String getName() {
            return files.get(0).getName();
        }

        @Override public List<Global> getGlobals() { return all(Model::getGlobals); }
        @Override public List<Rule> getRules() { return all(Model::getRules); }
        @Override public List<Query> getQueries() { return all(Model::getQueries); }
        @Override public List<TypeMetaData> getTypeMetaDatas() { return all(Model::getTypeMetaDatas); }
        @Override public List<EntryPoint> getEntryPoints() { return all(Model::getEntryPoints); }

        private <T> List<T> all(Function<Model, List<T>> part) {
            return files.stream().flatMap(m -> part.apply(m).stream()).toList();
        }
    }
}

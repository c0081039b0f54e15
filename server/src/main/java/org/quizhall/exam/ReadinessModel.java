package org.quizhall.exam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The arithmetic of readiness, apart from the database: from each question's chance of being
 * answered right now, the score an exam of the blueprint's shape is expected to get and how far it
 * may stray.
 *
 * <p>An attempt asks {@code n_d} questions of domain {@code d}, each about a different fact, drawn
 * from the domain's {@code M_d} facts; each is answered right with the fact's chance {@code p_f}
 * (the mean of its questions': FSRS retrievability, or the prior for a question never met),
 * independently. The number right then has mean {@code Σ n_d·μ_d} ({@code μ_d} the domain's mean
 * {@code p_f}) and, by the law of total variance over which facts are drawn, variance {@code Σ
 * [n_d·μ_d(1−μ_d) − n_d(n_d−1)·σ²_d/(M_d−1)]} ({@code σ²_d} the spread of {@code p_f} in the
 * domain): the Poisson-binomial variance {@code Σ p(1−p)} when every fact is asked, a binomial's
 * when one is. That is the score's spread if the chances are right. Two model errors widen it:
 *
 * <ul>
 *   <li>The prior for questions never met is uncertain: it is the student's first-try accuracy on
 *       the deck, a Beta(1 + right, 1 + wrong) from a uniform start, and its error moves every such
 *       question together: {@code (∂E/∂prior)² × Var(prior)}.
 *   <li>FSRS's default parameters are not fitted to this student, so every chance may be off by a
 *       shift {@code β} on the log-odds scale (a calibration intercept: it moves a 0.5 most and a
 *       0.99 hardly, and never past 0 or 1). A priori normal, mean 0, sd {@link #BIAS_PRIOR_SD};
 *       each past attempt's error (score − prediction, in share) is an observation of {@code s·β}
 *       ({@code s} that prediction's sensitivity to {@code β}, the mean {@code p(1−p)}) with the
 *       attempt's chance variance, so the posterior is normal again (linear-Gaussian). Its mean
 *       shifts every chance, its variance widens the interval by {@code (∂E/∂β)² × Var(β)}.
 * </ul>
 *
 * The interval is the normal one for the total variance (commons-math's standard normal, the
 * central limit theorem for a sum of Bernoulli draws), cut to 0 and the whole exam.
 */
final class ReadinessModel {

  /** The interval's coverage. */
  static final double CONFIDENCE = 0.90;

  /**
   * How far (log-odds) FSRS's defaults are taken to be off for a student a priori: about 10 points
   * of score at a 70% chance.
   */
  static final double BIAS_PRIOR_SD = 0.5;

  /** Past predictions that correct the next one: the latest few, as a student's memory changes. */
  static final int HISTORY = 5;

  /** Facts a student must have studied before there is anything to predict from. */
  static final int MIN_STUDIED = 10;

  /** The chance of passing from which a student is "likely to pass". */
  static final double LIKELY = 0.80;

  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  private ReadinessModel() {}

  /**
   * One fact of a domain (an attempt asks one of its questions): the FSRS chances of its questions
   * with a memory card, and how many it has without one (those count with the prior).
   */
  record Fact(List<Double> studied, int unstudied) {
    boolean isStudied() {
      return !studied.isEmpty();
    }

    int questions() {
      return studied.size() + unstudied;
    }
  }

  /** First tries on the deck: the prior for questions never met. */
  record Prior(int tries, int right) {
    double alpha() {
      return 1 + right;
    }

    double beta() {
      return 1 + tries - right;
    }

    double mean() {
      return alpha() / (alpha() + beta());
    }

    double variance() {
      double a = alpha();
      double b = beta();
      return a * b / ((a + b) * (a + b) * (a + b + 1));
    }
  }

  /**
   * A past attempt: its prediction (share), chance variance (questions²) and sensitivity to the
   * shift (share per unit of log-odds), and its score (share).
   */
  record Past(
      int questions, double predicted, double drawVariance, double sensitivity, double actual) {}

  /** The shift past attempts give: posterior mean and variance of {@code β}, in log-odds. */
  record Bias(double mean, double variance, int attempts) {
    static Bias from(List<Past> history) {
      double precision = 1 / (BIAS_PRIOR_SD * BIAS_PRIOR_SD);
      double weighted = 0;
      int used = 0;
      for (Past past : history.subList(0, Math.min(HISTORY, history.size()))) {
        // An exam's share strays from a right prediction by its chance spread; at least by half a
        // question, so that a prediction near 0 or 1 does not count as certain.
        double half = 0.5 / past.questions();
        double v = Math.max(past.drawVariance() / sq(past.questions()), half * half);
        precision += sq(past.sensitivity()) / v;
        weighted += past.sensitivity() * (past.actual() - past.predicted()) / v;
        used++;
      }
      return new Bias(weighted / precision, 1 / precision, used);
    }
  }

  /** A domain's figures: expected share right and interval (shares), gain if fully recalled. */
  record Domain(
      String topic,
      int questions,
      int facts,
      int studied,
      double expected,
      double low,
      double high,
      double gain) {}

  /**
   * The whole prediction, in shares of the {@code questions} asked.
   *
   * @param drawVariance the number right's variance from the draw and the answers alone
   * @param variance with the model errors added
   * @param sensitivity the expected share's change per unit of shift, {@code (∂E/∂β)/N}
   */
  record Prediction(
      int questions,
      int facts,
      int studied,
      double expected,
      double low,
      double high,
      double drawVariance,
      double variance,
      double sensitivity,
      double passProbability,
      int correctNeeded,
      Bias bias,
      Prior prior,
      List<Domain> domains) {}

  /**
   * @param planned per domain the questions the blueprint gives it, in the blueprint's order
   * @param facts per domain its facts
   * @param correctNeeded for a number of questions, how many right pass
   */
  static Prediction predict(
      Map<String, Integer> planned,
      Map<String, List<Fact>> facts,
      Prior prior,
      Bias bias,
      java.util.function.IntUnaryOperator correctNeeded) {
    double shiftedPrior = shift(prior.mean(), bias.mean());
    // How the shifted prior moves with the prior itself: d σ(logit(m) + β) / dm.
    double priorSlope =
        shiftedPrior * (1 - shiftedPrior) / Math.max(1e-9, prior.mean() * (1 - prior.mean()));
    record Part(
        String topic, int n, int m, int studied, double mu, double drawVar, double a, double s) {}
    List<Part> parts = new ArrayList<>();
    int questions = 0;
    int allFacts = 0;
    int studied = 0;
    for (Map.Entry<String, Integer> entry : planned.entrySet()) {
      List<Fact> domain = facts.getOrDefault(entry.getKey(), List.of());
      int m = domain.size();
      allFacts += m;
      int seen = (int) domain.stream().filter(Fact::isStudied).count();
      studied += seen;
      // A domain with fewer facts than its share asks each once (the draw gives the rest away).
      int n = Math.min(entry.getValue(), m);
      if (n == 0) {
        continue;
      }
      double[] p = new double[m];
      double slope = 0;
      double priorShare = 0;
      for (int i = 0; i < m; i++) {
        Fact f = domain.get(i);
        double sum = f.unstudied() * shiftedPrior;
        double fSlope = f.unstudied() * shiftedPrior * (1 - shiftedPrior);
        for (double r : f.studied()) {
          double shifted = shift(r, bias.mean());
          sum += shifted;
          fSlope += shifted * (1 - shifted);
        }
        p[i] = sum / f.questions();
        slope += fSlope / f.questions();
        priorShare += (double) f.unstudied() / f.questions();
      }
      double mu = java.util.Arrays.stream(p).average().orElse(0);
      double spread = java.util.Arrays.stream(p).map(x -> sq(x - mu)).sum() / m;
      double drawVar = n * mu * (1 - mu) - (m > 1 ? n * (n - 1.0) * spread / (m - 1) : 0);
      parts.add(
          new Part(
              entry.getKey(),
              n,
              m,
              seen,
              mu,
              Math.max(0, drawVar),
              n * priorShare / m * priorSlope,
              n * slope / m));
      questions += n;
    }
    double expectedRight = 0;
    double drawVariance = 0;
    double byPrior = 0;
    double byShift = 0;
    for (Part p : parts) {
      expectedRight += p.n() * p.mu();
      drawVariance += p.drawVar();
      byPrior += p.a();
      byShift += p.s();
    }
    int total = questions;
    double variance = drawVariance + sq(byPrior) * prior.variance() + sq(byShift) * bias.variance();
    List<Domain> domains = new ArrayList<>();
    for (Part p : parts) {
      double v = p.drawVar() + sq(p.a()) * prior.variance() + sq(p.s()) * bias.variance();
      double[] range = interval(p.n() * p.mu(), v, p.n());
      domains.add(
          new Domain(
              p.topic(),
              p.n(),
              p.m(),
              p.studied(),
              p.mu(),
              range[0],
              range[1],
              total == 0 ? 0 : p.n() * (1 - p.mu()) / total));
    }
    double[] range = interval(expectedRight, variance, total);
    int needed = total == 0 ? 0 : correctNeeded.applyAsInt(total);
    double pass =
        variance <= 0
            ? (expectedRight >= needed ? 1 : 0)
            : 1
                - STANDARD.cumulativeProbability(
                    (needed - 0.5 - expectedRight) / Math.sqrt(variance));
    return new Prediction(
        total,
        allFacts,
        studied,
        total == 0 ? 0 : expectedRight / total,
        range[0],
        range[1],
        drawVariance,
        variance,
        total == 0 ? 0 : byShift / total,
        pass,
        needed,
        bias,
        prior,
        domains);
  }

  /** The domains in the order of what bringing them to full recall would gain, most first. */
  static List<Domain> mostToGain(List<Domain> domains, int count) {
    List<Domain> sorted = new ArrayList<>(domains);
    // Stable: equal gains keep the blueprint's order.
    sorted.sort(java.util.Comparator.comparingDouble(Domain::gain).reversed());
    return sorted.stream().filter(d -> d.gain() > 0).limit(count).toList();
  }

  /** The studied facts a prediction needs: {@link #MIN_STUDIED}, or half a smaller deck's. */
  static int needed(int facts) {
    return Math.min(MIN_STUDIED, (facts + 1) / 2);
  }

  /** A chance moved by {@code beta} on the log-odds scale. */
  static double shift(double p, double beta) {
    if (beta == 0) {
      return p;
    }
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return 1 / (1 + Math.exp(-(Math.log(q / (1 - q)) + beta)));
  }

  /** The central interval of a number right with this mean and variance, as shares of {@code n}. */
  private static double[] interval(double mean, double variance, int n) {
    if (n == 0) {
      return new double[] {0, 0};
    }
    double z = STANDARD.inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
    double sd = Math.sqrt(Math.max(0, variance));
    return new double[] {clamp((mean - z * sd) / n), clamp((mean + z * sd) / n)};
  }

  private static double clamp(double share) {
    return Math.max(0, Math.min(1, share));
  }

  private static double sq(double x) {
    return x * x;
  }
}

package org.quizhall.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Importing the shipped flat-outline sample (AWS big data processing)")
class FlatOutlineImportTest {

  private static TopicTree tree;

  @BeforeAll
  static void importSample() {
    tree = SampleNotes.aws();
  }

  private static TopicNode at(int line) {
    return tree.nodes().stream().filter(n -> n.line() == line).findFirst().orElseThrow();
  }

  private static List<String> texts(List<TopicNode> nodes) {
    return nodes.stream().map(TopicNode::text).toList();
  }

  @Test
  @DisplayName("blog chrome and chapter title are titles, not topics")
  void titles() {
    assertThat(tree.titles()).containsExactly("Hiko Amane's Blog", "Processing");
    assertThat(tree.topics()).startsWith("AWS Lambda", "AWS Glue", "Amazon EMR");
    assertThat(tree.topics()).doesNotContain("Processing", "Hiko Amane's Blog");
  }

  @Test
  @DisplayName("'Supported languages' is the lead-in of Node.js through Ruby")
  void supportedLanguages() {
    TopicNode lead = at(9);
    assertThat(lead.kind()).isEqualTo(NodeKind.LIST_LEAD_IN);
    assertThat(texts(lead.listItems()))
        .containsExactly("Node.js", "Python", "Java", "C#", "Go", "Powershell", "Ruby");
    assertThat(lead.listItems().get(0).path()).containsExactly("AWS Lambda", "Supported languages");
    assertThat(lead.listItems().get(0).line()).isEqualTo(10);
  }

  @Test
  @DisplayName("a list ending in 'etc.' is marked open and 'etc.' is not an item")
  void openList() {
    TopicNode triggers = at(17);
    assertThat(triggers.kind()).isEqualTo(NodeKind.LIST_LEAD_IN);
    assertThat(triggers.openList()).isTrue();
    assertThat(texts(triggers.listItems()))
        .containsExactly(
            "S3",
            "Kinesis (Lambda is pulling the data from Kinesis in batches)",
            "DynamoDB",
            "SNS",
            "SQS",
            "IoT");
    TopicNode destinations = at(25);
    assertThat(texts(destinations.listItems()))
        .containsExactly("Elasticsearch", "Data Pipeline", "Redshift");
  }

  @Test
  @DisplayName("statements after a closed list return to the section level")
  void statementsAfterList() {
    TopicNode statement = at(30);
    assertThat(statement.kind()).isEqualTo(NodeKind.STATEMENT);
    assertThat(statement.path()).containsExactly("AWS Lambda");
  }

  @Test
  @DisplayName(
      "sub-headings sit under the service they name, aspect headings under the current service")
  void subHeadings() {
    assertThat(at(62).path()).containsExactly("AWS Glue", "Glue Crawler");
    assertThat(at(33).path()).containsExactly("AWS Lambda", "Kinesis Data Streams + Lambda");
    assertThat(at(45).path()).containsExactly("AWS Lambda", "Anti-patterns");
    assertThat(at(81).path()).containsExactly("AWS Glue", "Anti-patterns");
    assertThat(at(337).path()).containsExactly("Amazon ML", "Anti-Patterns");
    assertThat(at(327).path()).containsExactly("Amazon ML", "Hyperparameters in Amazon ML");
    assertThat(at(350).path()).containsExactly("Amazon SageMaker", "Vs. Amazon ML");
    assertThat(at(196).path()).containsExactly("Apache Pig", "Pig Latin");
    assertThat(at(383).path()).containsExactly("AWS Data Pipeline", "Data Pipeline Activities");
  }

  @Test
  @DisplayName("every non-bullet line after the title becomes a heading")
  void everyPlainLineIsAHeading() {
    List<String> lines = SampleNotes.read(SampleNotes.AWS).lines().toList();
    long plain = lines.stream().skip(2).filter(l -> !l.startsWith("- ")).count();
    assertThat(tree.headings()).hasSize((int) plain);
  }

  @Test
  @DisplayName("in 'HBase vs. DynamoDB' each side introduces its own list")
  void versusSections() {
    assertThat(texts(at(209).listItems()))
        .containsExactly(
            "Efficient with sparse data",
            "Appropriate for high consistent reads & writes",
            "Higher write & update throughput",
            "More integration with Hadoop");
    assertThat(texts(at(214).listItems()))
        .containsExactly(
            "Fully managed, auto-scaling", "More integration with other AWS services (like Glue)");
  }

  @Test
  @DisplayName("an anti-pattern is the parent of the reason given for it")
  void antiPatternElaboration() {
    TopicNode longRunning = at(46);
    assertThat(texts(longRunning.children()))
        .containsExactly("Max running time is 900s, use other services like Elastic Beanstalk");
  }

  @Test
  @DisplayName("'Destinations' followed by a comma list becomes a list of each destination")
  void commaList() {
    assertThat(texts(at(373).listItems()))
        .containsExactly("S3", "RDS", "DynamoDB", "Redshift", "EMR");
  }

  @Test
  @DisplayName("glossary bullets and names glossed in parentheses become definitions")
  void definitions() {
    Definition general = at(306).definition();
    assertThat(general.term()).isEqualTo("General Purpose");
    assertThat(general.definition()).isEqualTo("T2, T3, M4, M5");
    Definition mahout = at(278).definition();
    assertThat(mahout.term()).isEqualTo("Mahout");
    assertThat(mahout.definition()).isEqualTo("machine learning library");
  }

  @Test
  @DisplayName("a heading whose bullets are all short items lists them itself")
  void headingList() {
    TopicNode datasource = at(227);
    assertThat(datasource.isHeading()).isTrue();
    assertThat(texts(datasource.listItems()))
        .containsExactly(
            "HDFS", "S3 / EMRFS", "Cassandra", "MongoDB", "HBase", "RDBs", "Redshift", "Teradata");
  }

  @Test
  @DisplayName("every node keeps the line it came from")
  void lineNumbers() {
    List<String> lines = SampleNotes.read(SampleNotes.AWS).lines().toList();
    for (TopicNode n : tree.nodes()) {
      String source = lines.get(n.line() - 1);
      Optional<String> firstWord = java.util.Arrays.stream(n.text().split("[\\s,]+")).findFirst();
      assertThat(source).as("line %d", n.line()).contains(firstWord.orElseThrow());
    }
  }
}

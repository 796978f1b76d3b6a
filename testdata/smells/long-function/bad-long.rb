# RuboCop's MethodLength: 10 lines of body, 12 with `def` and `end`.
class Report
  # expect: smells/long-function render value=13
  def render(rows)
    out = []
    out << "<table>"
    rows.each do |row|
      out << "<tr>"
      row.each { |cell| out << "<td>#{cell}</td>" }
      out << "</tr>"
    end
    out << "<tfoot></tfoot>"
    out << "</table>"
    out << "<p>#{rows.size} rows</p>"
    # A comment is not a line of code.

    out.join("\n")
  end
end

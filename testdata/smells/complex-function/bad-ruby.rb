# RuboCop's default for Ruby: at most 7.
class Router
  # expect: smells/complex-function route value=8
  def route(request)
    return :health if request.path == "/health"
    return :static unless request.dynamic?
    case request.verb
    when "GET" then :show
    when "POST" then :create
    when "DELETE" then :destroy
    end
    request.admin? && request.signed? ? :admin : :public
  end
end

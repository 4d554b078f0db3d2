<%@ page contentType="text/plain;charset=UTF-8" %>before|<jsp:include page="/WEB-INF/jsp/part.jsp"><jsp:param name="p" value="included"/></jsp:include>|after

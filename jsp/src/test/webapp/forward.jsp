<%@ page contentType="text/plain;charset=UTF-8" %>lost<jsp:forward page="/WEB-INF/jsp/target.jsp"><jsp:param name="p" value="forwarded"/></jsp:forward>
